/**
 * Login back-off through HTTP: per-account lockout that doubles on repeat, a per-IP
 * cap, and reset on success. Time is moved with the Clock provider, never slept.
 */
import { coreEntities, coreMigrations } from '@kehu/server-core';
import { createTestApp, TEST_ADMIN, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { IdentityModule, identityEntities, identityMigrations } from '../index';
import { Clock } from '@kehu/server-core';

describe('login lockout', () => {
  let t: TestApp;
  let ds: DataSource;
  let now: jest.SpyInstance<Date, []>;
  const at = (iso: string) => now.mockReturnValue(new Date(iso));
  const login = (password: string, email = TEST_ADMIN.email) => t.http().post('/api/v1/auth/login').send({ email, password });
  const fail = async (times: number, email = TEST_ADMIN.email) => {
    for (let i = 0; i < times; i++) expect((await login('Wrong-pass-999', email)).status).toBe(401);
  };

  beforeAll(async () => {
    t = await createTestApp({ imports: [IdentityModule], schema: { entities: [...coreEntities, ...identityEntities], migrations: [...coreMigrations, ...identityMigrations] } });
    ds = t.app.get(DataSource);
    now = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterAll(() => t?.close());

  it('a successful login resets the account’s failure count', async () => {
    at('2031-03-01T00:00:00Z');
    await fail(4);
    expect((await login(TEST_ADMIN.password)).status).toBe(200);
    await fail(4);
    expect((await login(TEST_ADMIN.password)).status).toBe(200);
  });

  it('locks the account after 5 failures (429 + Retry-After, even with the right password), then releases', async () => {
    at('2031-03-01T01:00:00Z');
    await fail(5);
    const locked = await login(TEST_ADMIN.password);
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(locked.headers['retry-after']).toBe('900');
    expect((await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'login.locked'`))[0].n).toBe(1);

    at('2031-03-01T01:10:00Z');
    expect((await login(TEST_ADMIN.password)).headers['retry-after']).toBe('300');
    // Another account is not affected by this one's lock.
    expect((await login('Wrong-pass-999', 'someone@kehu.test')).status).toBe(401);

    at('2031-03-01T01:15:00Z');
    expect((await login(TEST_ADMIN.password)).status).toBe(200);
  });

  it('doubles the lock when it happens again within a day', async () => {
    at('2031-03-01T02:00:00Z');
    await fail(5);
    expect((await login(TEST_ADMIN.password)).headers['retry-after']).toBe('1800');
    at('2031-03-01T02:20:00Z');
    expect((await login(TEST_ADMIN.password)).status).toBe(429);
    at('2031-03-01T02:30:00Z');
    expect((await login(TEST_ADMIN.password)).status).toBe(200);
  });

  it('caps failures per IP across accounts (password spraying), then releases in the next window', async () => {
    at('2031-03-05T00:00:00Z');
    for (let i = 0; i < 20; i++) expect((await login('Wrong-pass-999', `user${i}@kehu.test`)).status).toBe(401);
    const res = await login(TEST_ADMIN.password);
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    at('2031-03-05T00:05:00Z');
    expect((await login(TEST_ADMIN.password)).headers['retry-after']).toBe('600');
    at('2031-03-05T00:15:00Z');
    expect((await login(TEST_ADMIN.password)).status).toBe(200);
  });
});
