import type { Request, Response } from 'express';
import type { WebForm } from './web-form.entity';

/**
 * CORS for the public web-form endpoints only, per form: a page on one of the form's
 * allowed origins may call them from a script. The app-wide CORS setting skips
 * `/api/v1/public/`, so these answers are the only ones that decide. Plain HTML form
 * posts need no CORS at all.
 */
export function allowFormOrigin(req: Request, res: Response, form: WebForm | null, preflight = false): void {
  res.vary('Origin');
  const origin = req.headers.origin;
  if (!origin || !form || !form.allowedOrigins.includes(origin.toLowerCase())) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
  if (preflight) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.setHeader('Access-Control-Max-Age', '600');
  }
}
