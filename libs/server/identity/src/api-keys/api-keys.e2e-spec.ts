/**
 * API keys through HTTP on a real PostgreSQL: the secret is shown once and works as a
 * bearer token, keys never hold more than their owner, revoked/expired keys are
 * refused, and the per-key rate limit (shared Postgres counter) answers 429.
 */
import { coreEntities, coreMigrations } from '@kehu/server-core';
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@kehu/server-core';
import { addTestUser, setTestUserRoles } from '../auth/test-users.test-helper';
import { IdentityModule, identityEntities, identityMigrations } from '../index';

describe('API keys', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const createKey = (token: string, body: Record<string, unknown>) => t.http().post('/api/v1/api-keys').set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp({ imports: [IdentityModule], schema: { entities: [...coreEntities, ...identityEntities], migrations: [...coreMigrations, ...identityMigrations] } });
    ds = t.app.get(DataSource);
    admin = await t.login();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t?.close());

  it('shows the secret once, stores only its hash, and the key works as a bearer token', async () => {
    const res = await createKey(admin, { name: 'ERP sync', scopes: ['admin.api-key.manage', 'sales.customer.read'] });
    expect(res.status).toBe(201);
    const { secret, id, prefix } = res.body;
    expect(secret).toMatch(/^kehu_[A-Za-z0-9_-]{40}$/);
    expect(prefix).toBe(secret.slice(0, 12));
    expect(res.body).toMatchObject({ name: 'ERP sync', scopes: ['admin.api-key.manage', 'sales.customer.read'], rateLimitPerMinute: 600, revokedAt: null, lastUsedAt: null, expiresAt: null });

    const [row] = await ds.query(`SELECT * FROM api_keys WHERE id = $1`, [id]);
    expect(row.key_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    const [{ id: adminId }] = await ds.query(`SELECT id FROM users WHERE email = 'admin@kehu.test'`);
    expect(row.owner_id).toBe(adminId);

    const list = await t.http().get('/api/v1/api-keys').set(bearer(secret));
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.data.find((k: { id: string }) => k.id === id)).toMatchObject({ prefix, lastUsedAt: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(secret);

    // Acts as the owner; what it does is audited with the key's id.
    const me = await t.http().get('/api/v1/me').set(bearer(secret));
    expect(me.body.user.id).toBe(adminId);
    expect(me.body.permissions).toEqual(['admin.api-key.manage', 'sales.customer.read']);
    const child = await createKey(secret, { name: 'made by a key', scopes: ['sales.customer.read'] });
    expect(child.status).toBe(201);
    const audit = await ds.query(`SELECT action, actor_id, api_key_id FROM audit_events WHERE entity_type = 'api-key' AND entity_id IN ($1, $2) ORDER BY id`, [id, child.body.id]);
    expect(audit).toEqual([
      { action: 'create', actor_id: adminId, api_key_id: null },
      { action: 'create', actor_id: adminId, api_key_id: id },
    ]);
  });

  it('refuses a write to a read-scoped key (403)', async () => {
    const { secret } = (await createKey(admin, { name: 'reader', scopes: ['sales.customer.read'] })).body;
    expect((await t.http().get('/api/v1/me').set(bearer(secret))).status).toBe(200);
    const res = await createKey(secret, { name: 'escalate', scopes: ['sales.customer.read'] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await t.http().get('/api/v1/api-keys').set(bearer(secret))).status).toBe(403);
  });

  it('refuses revoked, expired, unknown and malformed keys with 401, and audits the revocation', async () => {
    const revoked = (await createKey(admin, { name: 'to revoke', scopes: ['sales.customer.read'] })).body;
    expect((await t.http().get('/api/v1/me').set(bearer(revoked.secret))).status).toBe(200);
    expect((await t.http().delete(`/api/v1/api-keys/${revoked.id}`).set(bearer(admin))).status).toBe(204);
    expect((await t.http().delete(`/api/v1/api-keys/${revoked.id}`).set(bearer(admin))).status).toBe(204);
    const res = await t.http().get('/api/v1/me').set(bearer(revoked.secret));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    const [{ revoked_at }] = await ds.query(`SELECT revoked_at FROM api_keys WHERE id = $1`, [revoked.id]);
    expect(revoked_at).toBeInstanceOf(Date);
    expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'api-key' AND entity_id = $1 ORDER BY id`, [revoked.id])).toEqual([{ action: 'create' }, { action: 'revoke' }]);

    const expiring = (await createKey(admin, { name: 'expiring', scopes: ['sales.customer.read'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() })).body;
    expect((await t.http().get('/api/v1/me').set(bearer(expiring.secret))).status).toBe(200);
    await ds.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    expect((await t.http().get('/api/v1/me').set(bearer(expiring.secret))).body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

    expect((await t.http().get('/api/v1/me').set(bearer('kehu_' + 'x'.repeat(40)))).status).toBe(401);
    expect((await t.http().get('/api/v1/me').set(bearer('kehu_short'))).status).toBe(401);
    expect((await t.http().delete('/api/v1/api-keys/00000000-0000-4000-8000-000000000000').set(bearer(admin))).status).toBe(404);
  });

  it('never holds more than its owner holds now', async () => {
    const owner = await addTestUser(t.app, 'second-admin@kehu.test', ['admin']);
    const ownerToken = await t.login(owner.email, owner.password);
    const { secret } = (await createKey(ownerToken, { name: 'owner-bound', scopes: ['admin.api-key.manage', 'sales.customer.read'] })).body;
    expect((await t.http().get('/api/v1/api-keys').set(bearer(secret))).status).toBe(200);

    // The owner is demoted to a sales rep: the key keeps only the overlap, with the owner's own scope.
    await setTestUserRoles(t.app, owner.id, ['sales_rep']);
    expect((await t.http().get('/api/v1/api-keys').set(bearer(secret))).status).toBe(403);
    const me = await t.http().get('/api/v1/me').set(bearer(secret));
    expect(me.body).toMatchObject({ permissions: ['sales.customer.read'], scope: 'own' });

    await ds.query(`UPDATE users SET active = false WHERE id = $1`, [owner.id]);
    expect((await t.http().get('/api/v1/me').set(bearer(secret))).status).toBe(401);
  });

  it('limits requests per minute per key (429 + Retry-After), then recovers in the next window', async () => {
    const { secret, id } = (await createKey(admin, { name: 'limited', scopes: ['sales.customer.read'], rateLimitPerMinute: 3 })).body;
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2031-01-01T00:00:10Z'));
    for (let i = 0; i < 3; i++) expect((await t.http().get('/api/v1/me').set(bearer(secret))).status).toBe(200);
    const over = await t.http().get('/api/v1/me').set(bearer(secret));
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('RATE_LIMITED');
    expect(over.headers['retry-after']).toBe('50');
    // lastUsedAt was written once, by the window's first request.
    expect((await ds.query(`SELECT last_used_at FROM api_keys WHERE id = $1`, [id]))[0].last_used_at.toISOString()).toBe('2031-01-01T00:00:10.000Z');

    clock.mockReturnValue(new Date('2031-01-01T00:01:00Z'));
    expect((await t.http().get('/api/v1/me').set(bearer(secret))).status).toBe(200);
    expect((await ds.query(`SELECT last_used_at FROM api_keys WHERE id = $1`, [id]))[0].last_used_at.toISOString()).toBe('2031-01-01T00:01:00.000Z');
    // The new window retired the old one: a busy key keeps one counter row.
    expect(await ds.query(`SELECT window_start, count FROM rate_limit_buckets WHERE key = $1`, [`api-key:${id}`])).toEqual([{ window_start: new Date('2031-01-01T00:01:00Z'), count: 1 }]);
    // Other keys are unaffected: the counter is per key.
    const other = (await createKey(admin, { name: 'other', scopes: ['sales.customer.read'], rateLimitPerMinute: 1 })).body;
    expect((await t.http().get('/api/v1/me').set(bearer(other.secret))).status).toBe(200);
  });

  it('counts concurrent requests exactly (one atomic statement per request)', async () => {
    const { secret } = (await createKey(admin, { name: 'burst', scopes: ['sales.customer.read'], rateLimitPerMinute: 5 })).body;
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2031-01-02T00:00:00Z'));
    const statuses = await Promise.all(Array.from({ length: 9 }, () => t.http().get('/api/v1/me').set(bearer(secret)).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
  });

  it('validates the body', async () => {
    const unknown = await createKey(admin, { name: 'x', scopes: ['sales.customer.read'], ownerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'ownerId', rule: 'whitelistValidation' })]);
    const badScope = await createKey(admin, { name: 'x', scopes: ['root'] });
    expect(badScope.body.errors[0].field).toBe('scopes');
    const past = await createKey(admin, { name: 'x', scopes: ['sales.customer.read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('expiresAt');
    const limit = await createKey(admin, { name: 'x', scopes: ['sales.customer.read'], rateLimitPerMinute: 0 });
    expect(limit.body.errors[0].field).toBe('rateLimitPerMinute');
  });
});
