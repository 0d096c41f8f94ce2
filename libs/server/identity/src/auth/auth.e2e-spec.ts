import { coreEntities, coreMigrations } from '@kehu/server-core';
import { createTestApp, TEST_ADMIN, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { IdentityModule, identityEntities, identityMigrations } from '../index';

describe('authentication', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ imports: [IdentityModule], schema: { entities: [...coreEntities, ...identityEntities], migrations: [...coreMigrations, ...identityMigrations] } });
    ds = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  const login = (email = TEST_ADMIN.email, password = TEST_ADMIN.password) => t.http().post('/api/v1/auth/login').send({ email, password });

  it('creates the first admin on an empty database, with every built-in role', async () => {
    const users = await ds.query(`SELECT u.email, r.key FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id`);
    expect(users).toEqual([{ email: TEST_ADMIN.email, key: 'admin' }]);
    const roles = (await ds.query(`SELECT key FROM roles WHERE built_in ORDER BY key`)).map((r: { key: string }) => r.key);
    expect(roles).toEqual(['admin', 'analyst', 'clerk', 'marketing', 'sales_manager', 'sales_rep', 'service_agent', 'service_manager', 'technician']);
  });

  it('logs in with the fixed response shape, and /me describes the caller', async () => {
    const res = await login(TEST_ADMIN.email.toUpperCase());
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(res.body.expiresIn).toBe(900);
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: TEST_ADMIN.email, name: 'Administrator' }, roles: ['admin'], scope: 'all', modules: ['sales', 'marketing', 'service', 'analytics'] });
    expect(me.body.permissions).toContain('sales.customer.read');
    expect(me.body.user.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown e-mail alike, and audits the failure', async () => {
    const wrong = await login(TEST_ADMIN.email, 'nope-nope-nope1');
    const unknown = await login('ghost@kehu.test', 'nope-nope-nope1');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'login.failed'`);
    expect(n).toBe(2);
  });

  it('rotates refresh tokens; reusing an old one revokes the whole session', async () => {
    const first = (await login()).body;
    const second = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    // The thief's reuse ended the family: the legitimate newer token is dead too, and so is the access token.
    expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken })).status).toBe(401);
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`)).status).toBe(401);
  });

  it('ends the session on logout', async () => {
    const pair = (await login()).body;
    const bearer = { Authorization: `Bearer ${pair.accessToken}` };
    expect((await t.http().post('/api/v1/auth/logout').set(bearer).send({})).status).toBe(204);
    expect((await t.http().get('/api/v1/me').set(bearer)).status).toBe(401);
    expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: pair.refreshToken })).status).toBe(401);
  });

  it('stops every session of a disabled user at once', async () => {
    const token = (await login()).body.accessToken;
    await ds.query(`UPDATE users SET active = false WHERE email = $1`, [TEST_ADMIN.email]);
    try {
      const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('ACCOUNT_DISABLED');
      expect((await login()).body.code).toBe('ACCOUNT_DISABLED');
    } finally {
      await ds.query(`UPDATE users SET active = true WHERE email = $1`, [TEST_ADMIN.email]);
    }
  });

  it('refuses a forged or expired token', async () => {
    const forged = await t.http().get('/api/v1/me').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x');
    expect(forged.status).toBe(401);
    expect(forged.headers['www-authenticate']).toBe('Bearer');
  });

  it('changes the password under the policy, ending other sessions', async () => {
    const mine = (await login()).body.accessToken;
    const other = (await login()).body.accessToken;
    const weak = await t.http().post('/api/v1/me/password').set('Authorization', `Bearer ${mine}`).send({ currentPassword: TEST_ADMIN.password, newPassword: 'aaaaaaaaaaaa' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_POLICY');
    expect(weak.body.errors[0].field).toBe('newPassword');
    const wrongCurrent = await t.http().post('/api/v1/me/password').set('Authorization', `Bearer ${mine}`).send({ currentPassword: 'wrong-pass-123', newPassword: 'New-pass-56789' });
    expect(wrongCurrent.body.errors[0].field).toBe('currentPassword');
    const ok = await t.http().post('/api/v1/me/password').set('Authorization', `Bearer ${mine}`).send({ currentPassword: TEST_ADMIN.password, newPassword: 'New-pass-56789' });
    expect(ok.status).toBe(204);
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${mine}`)).status).toBe(200);
    expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${other}`)).status).toBe(401);
    expect((await login(TEST_ADMIN.email, 'New-pass-56789')).status).toBe(200);
    expect((await login()).status).toBe(401);
    const actions = (await ds.query(`SELECT action FROM audit_events WHERE action = 'password.changed'`)).length;
    expect(actions).toBe(1);
  });
});
