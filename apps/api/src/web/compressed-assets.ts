import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };
/** Hashed names never change content: browsers and proxies may keep them a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
const compressors = {
  br: (b: Buffer) => promisify(brotliCompress)(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
  gzip: (b: Buffer) => promisify(gzip)(b, { level: 9 }),
};

/**
 * The SPA's hashed assets, compressed once per process and kept in memory (they never change
 * under a name). Compressing on every request made a cold page load queue ~25 chunks behind
 * gzip on the API's CPU: /me answered in 450 ms instead of 10 (bench:web). Other files, and
 * clients that take neither brotli nor gzip, fall through to `next` (serve-static).
 */
export function compressedAssets(dir: string) {
  const assetsDir = join(dir, 'assets') + sep;
  const cache = new Map<string, Promise<Buffer | null>>();
  return (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = pathOf(req);
    const type = TYPES[extname(path)];
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    if (!type || !encoding) return next();
    let file: string;
    try {
      file = normalize(join(dir, decodeURIComponent(path)));
    } catch {
      return next(); // a malformed escape: static answers it
    }
    if (!file.startsWith(assetsDir)) return next();
    const key = `${encoding}:${file}`;
    let body = cache.get(key);
    if (!body) {
      body = readFile(file).then(compressors[encoding], () => null);
      cache.set(key, body);
      // Only real files stay: a miss or a failure must not make the map grow with every name asked for.
      const pending = body;
      pending.then((buf) => buf || cache.delete(key), () => cache.delete(key));
    }
    body.then(
      (buf) => {
        if (!buf) return next(); // no such file: static answers 404 / the SPA fallback
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', buf.length);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', IMMUTABLE);
        res.end(req.method === 'HEAD' ? undefined : buf);
      },
      next,
    );
  };
}

/** The request's path without its query (Node's `url` is path + query). */
export const pathOf = (req: IncomingMessage): string => (req.url ?? '/').split('?')[0];
