import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { AppModule } from '../src/app.module';
import { appSchema } from '../src/app.schema';
import { schemaDiff } from '../src/database/schema-diff';
import { buildOpenApiDocument } from '../src/openapi/openapi.document';
import { setupOpenApi } from '../src/openapi/openapi.setup';
import { serveWebApp } from '../src/web/serve-web-app';

describe('platform', () => {
  let t: TestApp;
  const webDir = mkdtempSync(join(tmpdir(), 'kehu-web-'));

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Kehu</title><div id="app"></div>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app-1a2b.js'), `export const greeting = ${JSON.stringify('你好 '.repeat(2000))};\n`);
    t = await createTestApp({
      root: AppModule.forRoot,
      schema: appSchema,
      env: { KEHU_WEB_DIST: webDir },
      beforeInit: (app, config) => {
        setupOpenApi(app, config);
        serveWebApp(app, config);
      },
    });
  });
  afterAll(() => t?.close());

  it('reports liveness and readiness', async () => {
    const live = await t.http().get('/api/health');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const ready = await t.http().get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ database: { status: 'up' }, migrations: { status: 'up' } });
  });

  it('has migrations that match the entities exactly (nothing left to generate)', async () => {
    const diff = await schemaDiff(t.db.url);
    expect(diff.up).toEqual([]);
  });

  it('serves a valid OpenAPI 3 contract with unique operationIds and problem responses', async () => {
    const res = await t.http().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as object).map(([method, op]) => ({ path, method, op })));
    expect(ops.length).toBeGreaterThan(5);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['login', 'refreshToken', 'logout', 'getMe', 'getHealth', 'getReadiness']));
    for (const { path, op } of ops) {
      expect(path).toMatch(/^\/api\/(v1\/|health)/);
      expect(op.responses['500'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/ProblemDto');
    }
    expect(doc.paths['/api/v1/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.components.schemas.LoginDto.properties.email).toMatchObject({ format: 'email', maxLength: 254 });
    expect((await t.http().get('/api/docs/')).status).toBe(200);
  });

  it('keeps the committed libs/contracts/openapi.json equal to what the code generates', () => {
    const committed = readFileSync(resolve(__dirname, '../../../libs/contracts/openapi.json'), 'utf8');
    const generated = JSON.stringify(buildOpenApiDocument(t.app, '1.0.0'), null, 2) + '\n';
    expect(committed).toBe(generated);
  });

  it('serves the SPA with client-side routes falling back to index.html, but never for /api', async () => {
    const page = await t.http().get('/sales/customers');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="app">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await t.http().get('/api/v1/does-not-exist');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves hashed assets compressed (brotli, else gzip, else plain) and cacheable for a year', async () => {
    const plain = readFileSync(join(webDir, 'assets', 'app-1a2b.js'));
    const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => cb(null, Buffer.concat(parts)));
    };
    const get = (encoding: string) => t.http().get('/assets/app-1a2b.js').set('Accept-Encoding', encoding).buffer(true).parse(binary);
    const br = await get('gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept-Encoding' });
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    // superagent decodes what it is sent; Content-Length is what went over the wire.
    expect((br.body as Buffer).equals(plain)).toBe(true);
    expect(Number(br.headers['content-length'])).toBeLessThan(plain.length / 10);
    expect(Number(br.headers['content-length'])).toBe(brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect((gz.body as Buffer).equals(plain)).toBe(true);
    expect(Number(gz.headers['content-length'])).toBe(gzipSync(plain, { level: 9 }).length);
    const identity = await get('identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect((identity.body as Buffer).equals(plain)).toBe(true);
    expect((await t.http().get('/assets/missing-9z.js').set('Accept-Encoding', 'br')).text).toContain('<div id="app">'); // not an asset: the SPA fallback
    expect((await t.http().get('/assets/%E0%A4%A.js').set('Accept-Encoding', 'br')).status).toBeLessThan(500);
  });

  it('sets security headers and echoes a request id', async () => {
    const res = await t.http().get('/api/health').set('X-Request-Id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const generated = await t.http().get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers bad input to a real endpoint with 400/413 problems', async () => {
    const unknown = await t.http().post('/api/v1/auth/login').send({ email: 'a@kehu.dev', password: 'x', admin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'admin', rule: 'whitelistValidation', message: 'admin is not an accepted field' }]);
    const malformed = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_REQUEST');
    const big = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send(JSON.stringify({ email: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
