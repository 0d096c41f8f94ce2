const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The small page a plain HTML form post lands on when the form has no redirect URL. */
export function thankYouPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; text-align: center">
<h1 style="font-size: 1.4rem">${escapeHtml(title)}</h1>
<p data-testid="web-form-thanks">${escapeHtml(message)}</p>
</body></html>`;
}
