import { VersioningType, type INestApplication } from '@nestjs/common';
import formBody from '@fastify/formbody';
import compression from 'compression';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { requestContext } from '../context/request-context';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** A well-formed incoming X-Request-Id (a proxy's or a client's), else a fresh uuid. */
export const requestIdOf = (req: IncomingMessage): string => {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
};

/**
 * Options of the FastifyAdapter (main.ts and the tests): request id, body limit, trust proxy.
 * The API runs on Fastify: it cost 40 % less CPU per request than Express (bench/README.md).
 */
export function fastifyAdapterOptions(config: AppConfig): FastifyServerOptions {
  return {
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // /api/v1/customers/ is /api/v1/customers, as clients expect.
    routerOptions: { ignoreTrailingSlash: true },
  };
}

/**
 * HTTP setup shared by main.ts and the tests, so both run the same stack. Body errors (not
 * JSON, too large) reach ProblemFilter as problem+json; the request context starts after
 * the body is read, so AsyncLocalStorage holds it for the whole handler.
 */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  // Set on Node's response, so answers a handler writes itself (CSV, web-form posts) carry them too.
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.raw.setHeader('X-Request-Id', req.id);
    // API answers are per-user and change without a version bump (last follow-up time):
    // never reuse one from a cache. Records carry their version as ETag for If-Match.
    if (req.url.startsWith('/api/')) reply.raw.setHeader('Cache-Control', 'no-store');
    done();
  });
  // helmet and compression are connect middleware on Node's request/response (run by middie).
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
  app.enableCors((req: { url: string }, callback: (err: Error | null, options: typeof cors | { origin: false }) => void) => callback(null, req.url.startsWith('/api/v1/public/') ? { origin: false } : cors));
  app.use(compression());
  // JSON: Fastify's parser (limit: bodyLimit); its flavours (merge-patch, problem) alike; HTML form posts.
  void fastify.register(formBody, { bodyLimit: config.bodyLimitBytes });
  fastify.addContentTypeParser(/^application\/[\w.-]+\+json$/, { parseAs: 'string' }, fastify.getDefaultJsonParser('ignore', 'ignore'));
  // Anything else (CSV uploads) reaches the handler unread: it reads the stream itself, or refuses the type.
  fastify.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
  fastify.addHook('preHandler', (req, _reply, done) => {
    requestContext.run({ requestId: req.id, ip: req.ip }, done);
  });
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}
