import { WebhookLimits } from '@kehu/contracts';

export interface WebhookAttempt {
  /** HTTP status, or null when no answer came (network error, timeout). */
  statusCode: number | null;
  durationMs: number;
  /** The answer's first 2 KB. */
  responseBody: string | null;
  error: string | null;
}

/**
 * One POST, outside any transaction. Redirects are not followed (a 3xx is a failure: the
 * subscription's URL should be fixed rather than the body re-sent elsewhere); only the first
 * 2 KB of the answer is read, so a huge answer costs nothing.
 */
export async function postWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<WebhookAttempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const responseBody = await readStart(res, WebhookLimits.responseBodyMaxBytes);
    return { statusCode: res.status, durationMs: elapsed(), responseBody, error: null };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const reason = e.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(': ');
    return { statusCode: null, durationMs: elapsed(), responseBody: null, error: reason.slice(0, 2000) };
  }
}

async function readStart(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // the answer broke off: keep what came
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  // A multi-byte character cut at the limit decodes as U+FFFD (dropped); PostgreSQL text holds no NUL.
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '').split(String.fromCharCode(0)).join('');
}
