import { WebFormLimits, type PublicWebFormDto, type PublicWebFormFieldDto } from '@kehu/contracts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The absolute address visitors' browsers post to. */
export const publicSubmitUrl = (origin: string, form: PublicWebFormDto): string => `${origin.replace(/\/$/, '')}${form.submitUrl}`;

function input(field: PublicWebFormFieldDto): string {
  const name = escapeHtml(field.name);
  const required = field.required ? ' required' : '';
  if (field.type === 'textarea') return `<textarea name="${name}" rows="4"${required}></textarea>`;
  if (field.type === 'checkbox') return `<input type="checkbox" name="${name}" value="true">`;
  if (field.type === 'select') {
    const options = (field.options ?? []).map((o) => `<option>${escapeHtml(o)}</option>`).join('');
    return `<select name="${name}"${required}><option value=""></option>${options}</select>`;
  }
  return `<input type="${field.type}" name="${name}"${required}>`;
}

/**
 * A plain HTML <form> for the company's site: works without JavaScript (the browser posts
 * form-encoded and lands on the thank-you page or the form's redirect URL), keeps the
 * honeypot off screen, and names every input as the public definition says.
 */
export function embedSnippet(origin: string, form: PublicWebFormDto, submitLabel: string): string {
  const lines = [`<form action="${escapeHtml(publicSubmitUrl(origin, form))}" method="post" accept-charset="utf-8">`];
  for (const field of form.fields) {
    lines.push(`  <p><label>${escapeHtml(field.label)}${field.required ? ' *' : ''}<br>${input(field)}</label></p>`);
  }
  if (form.consentText) lines.push(`  <p><label><input type="checkbox" name="${WebFormLimits.consentField}" value="on"> ${escapeHtml(form.consentText)}</label></p>`);
  lines.push(`  <input type="text" name="${form.honeypotField}" value="" tabindex="-1" autocomplete="off" aria-hidden="true" style="position:absolute;left:-9999px">`);
  lines.push(`  <p><button type="submit">${escapeHtml(submitLabel)}</button></p>`);
  lines.push('</form>');
  return lines.join('\n');
}
