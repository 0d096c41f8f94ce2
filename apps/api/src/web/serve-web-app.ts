import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@kehu/server-core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressedAssets, IMMUTABLE } from './compressed-assets';

/**
 * Serves the built SPA: hashed assets cached for a year, index.html never cached, and
 * any non-API GET falls back to index.html for client-side routes.
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dir = config.webDistDir ?? resolve(__dirname, '../../../web/dist');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  const assets = express.static(dir, {
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? IMMUTABLE : 'no-cache'),
  });
  const compressed = compressedAssets(dir);
  // API calls skip the file lookup: serve-static would stat() a file for every request.
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/') ? next() : compressed(req, res, () => assets(req, res, next))));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/') || req.path === '/api') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
