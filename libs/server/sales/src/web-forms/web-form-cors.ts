import type { HttpReply } from '@kehu/server-core';
import type { WebForm } from './web-form.entity';

/**
 * CORS for the public web-form endpoints only, per form: a page on one of the form's
 * allowed origins may call them from a script. The app-wide CORS setting skips
 * `/api/v1/public/`, so these answers are the only ones that decide. Plain HTML form
 * posts need no CORS at all.
 */
export function allowFormOrigin(req: { headers: { origin?: string } }, res: HttpReply, form: WebForm | null, preflight = false): void {
  // The answer depends on the caller's origin (set, not appended: nothing before this varies).
  res.header('Vary', 'Origin');
  const origin = req.headers.origin;
  if (!origin || !form || !form.allowedOrigins.includes(origin.toLowerCase())) return;
  res.header('Access-Control-Allow-Origin', origin);
  res.header('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
  if (preflight) {
    res.header('Access-Control-Allow-Methods', 'GET, POST');
    res.header('Access-Control-Allow-Headers', 'Content-Type');
    res.header('Access-Control-Max-Age', '600');
  }
}
