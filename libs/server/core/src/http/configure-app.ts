import { VersioningType, type INestApplication } from '@nestjs/common';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { requestContext } from '../context/request-context';
import { sendProblem, toProblem } from '../errors/problem.filter';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * Express-level setup shared by main.ts and the tests, so both run the same stack.
 * The app must be created with `bodyParser: false`: we parse JSON ourselves to turn
 * malformed and oversized bodies into problem+json, and to start the request context
 * after the body is read (AsyncLocalStorage loses its store across body-parser's stream).
 */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.disable('x-powered-by');
  // No hashed ETag of every body: API answers are no-store, and records carry their version as
  // ETag themselves (setEtag) for If-Match. Hashing each 40 KB list page cost ~1 % of the CPU.
  server.set('etag', false);
  if (config.trustProxy) server.set('trust proxy', true);

  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    // API answers are per-user and change without a version bump (last follow-up time):
    // never reuse one from a cache. ETags remain for If-Match.
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          // Plain-HTTP installs on a LAN must still load their assets; TLS is the proxy's job.
          upgradeInsecureRequests: null,
        },
      },
      strictTransportSecurity: false,
    }),
  );
  // Public endpoints (`/api/v1/public/…`, e.g. web forms) answer CORS themselves, per record.
  const cors = { origin: config.corsOrigins.length ? config.corsOrigins : false, exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After', 'Location'] };
  app.enableCors((req: Request, callback: (err: Error | null, options: typeof cors | { origin: false }) => void) => callback(null, req.url.startsWith('/api/v1/public/') ? { origin: false } : cors));
  app.use(compression());
  app.use(express.json({ limit: config.bodyLimitBytes, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ extended: false, limit: config.bodyLimitBytes }));
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const { problem, headers } = toProblem(err, req);
    sendProblem(res, problem, headers);
  });
  app.use((req: Request & { id?: string }, _res: Response, next: NextFunction) => {
    requestContext.run({ requestId: req.id ?? randomUUID(), ip: req.ip }, next);
  });

  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}
