import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The Node request and response under a handler's `@Req()` / `@Res()`, for handlers that
 * stream (CSV downloads and uploads) or answer in a form of their own (redirects, HTML).
 * Fastify wraps them (`raw`), and its reply must be told that the handler answers by itself
 * (`hijack`); objects that are Node's own already (a plain Node server, Express) pass through.
 */
export function rawResponse(res: unknown): ServerResponse {
  const reply = res as { raw?: ServerResponse; hijack?: () => void };
  if (reply.raw && typeof reply.hijack === 'function') {
    reply.hijack();
    return reply.raw;
  }
  return res as ServerResponse;
}

export function rawRequest(req: unknown): IncomingMessage {
  return (req as { raw?: IncomingMessage }).raw ?? (req as IncomingMessage);
}

/** Whether `Accept-Encoding` takes gzip (named or `*`, with a q-value above 0). */
export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Adds `field` to the response's `Vary` header unless it is there already. */
export function appendVary(res: ServerResponse, field: string): void {
  const current = String(res.getHeader('Vary') ?? '');
  const fields = current.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  if (fields.includes('*') || fields.includes(field.toLowerCase())) return;
  res.setHeader('Vary', current ? `${current}, ${field}` : field);
}

/** Answers a whole body with a status and content type (what Express's `res.status().type().send()` did). */
export function sendRaw(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** A streaming handler's Node request, and its response once it takes it over. */
export interface RawHttp {
  req: IncomingMessage;
  /**
   * The Node response (see rawResponse), from the first call on. Call it when about to answer:
   * whatever fails before that is still answered by the problem filter through the framework.
   */
  takeResponse(): ServerResponse;
}

export function rawHttp(req: unknown, res: unknown): RawHttp {
  let taken: ServerResponse | undefined;
  return { req: rawRequest(req), takeResponse: () => (taken ??= rawResponse(res)) };
}

/** A Node response seen as an HttpReply, for helpers written against the framework's reply. */
export const replyOf = (res: ServerResponse) => ({
  header: (name: string, value: string) => res.setHeader(name, value),
  status: (code: number) => (res.statusCode = code),
});

/** The media type of a request body (`application/json` of `application/json; charset=utf-8`), lower case. */
export const mediaTypeOf = (req: { headers: IncomingMessage['headers'] }): string => (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
