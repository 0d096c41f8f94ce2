import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@kehu/server-core';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import serveStatic from 'serve-static';
import { compressedAssets, IMMUTABLE, pathOf } from './compressed-assets';

type Next = (err?: unknown) => void;

/**
 * Serves the built SPA: hashed assets cached for a year, index.html never cached, and
 * any non-API GET falls back to index.html for client-side routes. Plain Node middleware
 * (serve-static, no Express API), so it runs under either Nest HTTP adapter.
 */
export function serveWebApp(app: INestApplication, config: AppConfig): void {
  const dir = config.webDistDir ?? resolve(__dirname, '../../../web/dist');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  const assets = serveStatic(dir, {
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? IMMUTABLE : 'no-cache'),
  });
  const compressed = compressedAssets(dir);
  const isApi = (req: IncomingMessage) => {
    const path = pathOf(req);
    return path === '/api' || path.startsWith('/api/');
  };
  // API calls skip the file lookup: serve-static would stat() a file for every request.
  app.use((req: IncomingMessage, res: ServerResponse, next: Next) => (isApi(req) ? next() : compressed(req, res, () => assets(req, res, next))));
  // index.html is read once: this process serves one build.
  let html: Promise<Buffer> | undefined;
  app.use((req: IncomingMessage, res: ServerResponse, next: Next) => {
    if (req.method !== 'GET' || isApi(req)) return next();
    html ??= readFile(index);
    html.then(
      (body) => {
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Content-Length', body.length);
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
      },
      (err: unknown) => {
        html = undefined;
        next(err);
      },
    );
  });
}
