import { createTestApp, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { IdentityModule } from '../identity.module';
import { PrincipalResolverService } from './principal-resolver.service';
import { adminKit, bootIdentityApp, identitySchema, PASSWORD } from '../../test/identity-test-kit';

/** Polls `check` until it holds or `ms` pass (signals between processes take milliseconds, not a TTL). */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  do {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  } while (Date.now() < until);
  return false;
}

describe('principal cache: one round trip per request, yet changes apply at once', () => {
  let a: TestApp;
  let b: TestApp;
  let ds: DataSource;
  let kit: ReturnType<typeof adminKit>;

  beforeAll(async () => {
    a = await bootIdentityApp();
    // A second API instance on the same database, as a second replica behind the load balancer.
    b = await createTestApp({ imports: [IdentityModule], schema: identitySchema, database: a.db });
    ds = a.app.get(DataSource);
    kit = adminKit(a, await a.login());
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const me = (t: TestApp, token: string) => t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  it('reuses the principal between requests (a change made behind the triggers stays unseen)', async () => {
    const role = await kit.role('cache_probe', { 'sales.customer.read': 'own' });
    const user = await kit.user('cache.probe@kehu.test', ['cache_probe']);
    const token = await user.token();
    expect((await me(a, token)).body.permissions).toEqual(['sales.customer.read']);
    // Bypass the triggers (as a restore or a hand edit would): the cached principal is still served.
    await ds.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`UPDATE roles SET permissions = '{"sales.customer.read":"own","sales.lead.read":"own"}' WHERE id = $1`, [role.id]);
    });
    expect((await me(a, token)).body.permissions).toEqual(['sales.customer.read']);
    // A session the cache has never seen loads fresh.
    expect((await me(a, await user.token())).body.permissions).toEqual(['sales.customer.read', 'sales.lead.read']);
  });

  it('applies a role change made through the API on the next request of the same instance', async () => {
    const role = await kit.role('cache_role', { 'sales.customer.read': 'own' });
    const user = await kit.user('cache.role@kehu.test', ['cache_role']);
    const token = await user.token();
    expect((await me(a, token)).body.scope).toBe('own');
    const upd = await a.http().patch(`/api/v1/roles/${role.id}`).set(kit.auth).set('If-Match', `"${role.version}"`).send({ permissions: { 'sales.customer.read': 'department' } });
    expect(upd.status).toBe(200);
    expect((await me(a, token)).body.scope).toBe('department');
  });

  it('refuses a user disabled through another instance within moments, on every instance', async () => {
    const user = await kit.user('cache.disabled@kehu.test', ['sales_rep']);
    const token = await user.token();
    expect((await me(a, token)).status).toBe(200);
    expect((await me(b, token)).status).toBe(200);
    const adminOnB = adminKit(b, await b.login());
    const off = await b.http().patch(`/api/v1/users/${user.id}`).set(adminOnB.auth).set('If-Match', `"${user.version}"`).send({ active: false });
    expect(off.status).toBe(200);
    // The instance that made the change knows at once; the other hears it by NOTIFY.
    expect((await me(b, token)).status).toBe(401);
    expect(await within(2000, async () => (await me(a, token)).status === 401)).toBe(true);
  });

  it('ends a logged-out session on every instance but keeps the user\'s other session', async () => {
    const email = 'cache.logout@kehu.test';
    await kit.user(email, ['sales_rep']);
    const login = async () => (await a.http().post('/api/v1/auth/login').send({ email, password: PASSWORD })).body as { accessToken: string; refreshToken: string };
    const phone = await login();
    const laptop = await login();
    for (const t of [a, b]) for (const s of [phone, laptop]) expect((await me(t, s.accessToken)).status).toBe(200);
    const out = await b.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${phone.accessToken}`).send({ refreshToken: phone.refreshToken });
    expect(out.status).toBe(204);
    expect((await me(b, phone.accessToken)).status).toBe(401);
    expect(await within(2000, async () => (await me(a, phone.accessToken)).status === 401)).toBe(true);
    expect((await me(a, laptop.accessToken)).status).toBe(200);
    expect((await me(b, laptop.accessToken)).status).toBe(200);
  });

  it('narrows a rep\'s team scope at once when a colleague leaves the team', async () => {
    const dept = await kit.department('Cache dept');
    const lead = await kit.user('cache.lead@kehu.test', ['sales_rep'], dept.id);
    const member = await kit.user('cache.member@kehu.test', ['sales_rep'], dept.id);
    const team = await a.http().post('/api/v1/teams').set(kit.auth).send({ name: 'Cache team', departmentId: dept.id, memberIds: [lead.id, member.id] });
    expect(team.status).toBe(201);
    const token = await lead.token();
    // The team is what the scope filter reads from the principal; /me does not show it, the resolver does.
    const resolver = a.app.get(PrincipalResolverService);
    expect((await resolver.resolve(token)).teamMemberIds.sort()).toEqual([lead.id, member.id].sort());
    const upd = await a.http().patch(`/api/v1/teams/${team.body.id}`).set(kit.auth).set('If-Match', `"${team.body.version}"`).send({ memberIds: [lead.id] });
    expect(upd.status).toBe(200);
    expect((await resolver.resolve(token)).teamMemberIds).toEqual([lead.id]);
  });
});
