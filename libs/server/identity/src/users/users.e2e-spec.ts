import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { adminKit, bootIdentityApp, PASSWORD } from '../../test/identity-test-kit';

describe('users, departments, teams, roles, rollout (admin API)', () => {
  let t: TestApp;
  let ds: DataSource;
  let kit: ReturnType<typeof adminKit>;

  beforeAll(async () => {
    t = await bootIdentityApp();
    ds = t.app.get(DataSource);
    kit = adminKit(t, await t.login());
  });
  afterAll(() => t?.close());

  describe('users', () => {
    it('creates a user with roles in a department, stores it, audits it without the password', async () => {
      const east = await kit.department('华东大区');
      const rep = await kit.user('li.lei@kehu.test', ['sales_rep'], east.id);
      const got = await t.http().get(`/api/v1/users/${rep.id}`).set(kit.auth);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toMatchObject({ email: 'li.lei@kehu.test', roles: ['sales_rep'], departmentId: east.id, active: true });
      const [audit] = await ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'user' AND entity_id = $1`, [rep.id]);
      expect(audit.action).toBe('create');
      expect(JSON.stringify(audit.changes)).not.toContain(PASSWORD);
      const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${await rep.token()}`);
      expect(me.body).toMatchObject({ roles: ['sales_rep'], scope: 'own' });
    });

    it('validates: unknown field, bad e-mail, weak password, unknown role, taken e-mail', async () => {
      const post = (body: object) => t.http().post('/api/v1/users').set(kit.auth).send(body);
      const base = { email: 'x1@kehu.test', name: 'X', roles: ['sales_rep'], password: PASSWORD };
      expect((await post({ ...base, isAdmin: true })).body.errors[0].field).toBe('isAdmin');
      expect((await post({ ...base, email: 'nope' })).body.errors[0].field).toBe('email');
      expect((await post({ ...base, password: 'aaaaaaaaaaaa' })).body).toMatchObject({ code: 'PASSWORD_POLICY', errors: [{ field: 'password' }] });
      expect((await post({ ...base, roles: ['wizard'] })).body.errors[0]).toMatchObject({ field: 'roles', message: 'unknown roles: wizard' });
      expect((await post({ ...base, name: 'y'.repeat(201) })).body.errors[0]).toMatchObject({ field: 'name', rule: 'maxLength' });
      await kit.user('dup@kehu.test', ['sales_rep']);
      const dup = await post({ ...base, email: 'DUP@kehu.test' });
      expect(dup.status).toBe(409);
      expect(dup.body.errors[0].field).toBe('email');
      expect((await ds.query(`SELECT count(*)::int AS n FROM users WHERE email = 'x1@kehu.test'`))[0].n).toBe(0);
    });

    it('lists with filters, sort and keyset paging', async () => {
      const dept = await kit.department('List dept');
      for (let i = 0; i < 5; i++) await kit.user(`lister${i}@kehu.test`, [i % 2 ? 'sales_manager' : 'sales_rep'], dept.id);
      const page1 = await t.http().get(`/api/v1/users?departmentId=${dept.id}&limit=2&sort=-email&count=true`).set(kit.auth);
      expect(page1.body.total).toBe(5);
      expect(page1.body.data.map((u: { email: string }) => u.email)).toEqual(['lister4@kehu.test', 'lister3@kehu.test']);
      const page2 = await t.http().get(`/api/v1/users?departmentId=${dept.id}&limit=2&sort=-email&cursor=${page1.body.nextCursor}`).set(kit.auth);
      expect(page2.body.data.map((u: { email: string }) => u.email)).toEqual(['lister2@kehu.test', 'lister1@kehu.test']);
      const managers = await t.http().get(`/api/v1/users?departmentId=${dept.id}&role=sales_manager`).set(kit.auth);
      expect(managers.body.data).toHaveLength(2);
      expect((await t.http().get('/api/v1/users?q=LISTER3').set(kit.auth)).body.data).toHaveLength(1);
    });

    it('updates with If-Match; disabling ends the user\'s sessions at once', async () => {
      const u = await kit.user('disable.me@kehu.test', ['sales_rep']);
      const token = await u.token();
      expect((await t.http().patch(`/api/v1/users/${u.id}`).set(kit.auth).send({ active: false })).status).toBe(428);
      const res = await t.http().patch(`/api/v1/users/${u.id}`).set(kit.auth).set('If-Match', '"1"').send({ active: false, name: 'Gone' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ active: false, name: 'Gone', version: 2 });
      expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
      expect((await t.http().patch(`/api/v1/users/${u.id}`).set(kit.auth).set('If-Match', '"1"').send({ name: 'Stale' })).status).toBe(412);
      const [row] = await ds.query(`SELECT name FROM users WHERE id = $1`, [u.id]);
      expect(row.name).toBe('Gone');
    });

    it('records role changes as permission changes and shows them in the user\'s history', async () => {
      const u = await kit.user('promote@kehu.test', ['sales_rep']);
      await t.http().patch(`/api/v1/users/${u.id}`).set(kit.auth).set('If-Match', '"1"').send({ roles: ['sales_manager'] });
      const history = await t.http().get(`/api/v1/users/${u.id}/history`).set(kit.auth);
      expect(history.body.data.map((e: { action: string }) => e.action)).toEqual(['update.permissions', 'create']);
      expect(history.body.data[0].changes.roles).toEqual({ before: ['sales_rep'], after: ['sales_manager'] });
      expect(history.body.data[0].actorName).toBe('Administrator');
    });

    it('resets a password (old sessions end) and soft-deletes a user; an admin cannot lock themselves out', async () => {
      const u = await kit.user('reset.me@kehu.test', ['sales_rep']);
      const old = await u.token();
      expect((await t.http().post(`/api/v1/users/${u.id}/reset-password`).set(kit.auth).send({ newPassword: 'Fresh-pass-999' })).status).toBe(204);
      expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${old}`)).status).toBe(401);
      expect(await t.login('reset.me@kehu.test', 'Fresh-pass-999')).toBeTruthy();
      expect((await t.http().delete(`/api/v1/users/${u.id}`).set(kit.auth)).status).toBe(204);
      expect((await t.http().get(`/api/v1/users/${u.id}`).set(kit.auth)).status).toBe(404);
      expect((await t.http().post('/api/v1/auth/login').send({ email: 'reset.me@kehu.test', password: 'Fresh-pass-999' })).status).toBe(401);
      const me = (await t.http().get('/api/v1/me').set(kit.auth)).body.user.id;
      expect((await t.http().delete(`/api/v1/users/${me}`).set(kit.auth)).status).toBe(409);
    });

    it('applies the data scope: a department-scoped user admin sees only their subtree; others are 404', async () => {
      const north = await kit.department('North');
      const north1 = await kit.department('North-1', north.id);
      const south = await kit.department('South');
      await kit.role('hr_department', { 'admin.user.read': 'department', 'admin.user.manage': 'department' });
      const hr = await kit.user('hr.north@kehu.test', ['hr_department'], north.id);
      const inside = await kit.user('in.north1@kehu.test', ['sales_rep'], north1.id);
      const outside = await kit.user('in.south@kehu.test', ['sales_rep'], south.id);
      const hrAuth = { Authorization: `Bearer ${await hr.token()}` };
      const list = await t.http().get('/api/v1/users?limit=200&count=true').set(hrAuth);
      const emails = list.body.data.map((u: { email: string }) => u.email).sort();
      expect(emails).toEqual(['hr.north@kehu.test', 'in.north1@kehu.test']);
      expect(list.body.total).toBe(2);
      expect((await t.http().get(`/api/v1/users/${inside.id}`).set(hrAuth)).status).toBe(200);
      expect((await t.http().get(`/api/v1/users/${outside.id}`).set(hrAuth)).status).toBe(404);
      expect((await t.http().get(`/api/v1/users/${outside.id}/history`).set(hrAuth)).status).toBe(404);
      expect((await t.http().patch(`/api/v1/users/${outside.id}`).set(hrAuth).set('If-Match', '"1"').send({ name: 'hacked' })).status).toBe(404);
      expect((await t.http().delete(`/api/v1/users/${outside.id}`).set(hrAuth)).status).toBe(404);
      expect((await ds.query(`SELECT name, deleted_at FROM users WHERE id = $1`, [outside.id]))[0]).toEqual({ name: 'in.south', deleted_at: null });
      const rep = { Authorization: `Bearer ${await inside.token()}` };
      expect((await t.http().get('/api/v1/users').set(rep)).status).toBe(403);
    });
  });

  it('lets every signed-in user look up colleagues\' names (no contact details), by name or ids', async () => {
    const a = await kit.user('dir.alice@kehu.test', ['sales_rep']);
    const b = await kit.user('dir.bob@kehu.test', ['sales_rep']);
    const rep = { Authorization: `Bearer ${await a.token()}` };
    const byName = (await t.http().get('/api/v1/users/directory?q=dir.b').set(rep)).body;
    expect(byName).toEqual([{ id: b.id, name: 'dir.bob', departmentId: null }]);
    const byIds = (await t.http().get(`/api/v1/users/directory?ids=${a.id},${b.id}`).set(rep)).body.map((u: { name: string }) => u.name);
    expect(byIds).toEqual(['dir.alice', 'dir.bob']);
    expect((await t.http().get('/api/v1/users/directory?ids=nope').set(rep)).body.errors[0].field).toBe('ids');
  });

  describe('departments', () => {
    it('moves a subtree, refuses cycles, and refuses to delete a department that is not empty', async () => {
      const a = await kit.department('A');
      const b = await kit.department('B', a.id);
      const c = await kit.department('C', b.id);
      const other = await kit.department('Other');
      const cycle = await t.http().patch(`/api/v1/departments/${a.id}`).set(kit.auth).set('If-Match', '"1"').send({ parentId: c.id });
      expect(cycle.status).toBe(400);
      expect(cycle.body.errors[0].field).toBe('parentId');
      const moved = await t.http().patch(`/api/v1/departments/${b.id}`).set(kit.auth).set('If-Match', '"1"').send({ parentId: other.id, name: 'B2' });
      expect(moved.status).toBe(200);
      const paths = await ds.query(`SELECT id, path FROM departments WHERE id = ANY($1)`, [[b.id, c.id]]);
      const byId = Object.fromEntries(paths.map((p: { id: string; path: string }) => [p.id, p.path]));
      expect(byId[c.id]).toBe(`/${other.id}/${b.id}/${c.id}/`);
      await kit.user('member.c@kehu.test', ['sales_rep'], c.id);
      const refused = await t.http().delete(`/api/v1/departments/${c.id}`).set(kit.auth);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'DEPARTMENT_NOT_EMPTY', members: 1 });
      expect((await t.http().delete(`/api/v1/departments/${b.id}`).set(kit.auth)).body.children).toBe(1);
      expect((await t.http().delete(`/api/v1/departments/${a.id}`).set(kit.auth)).status).toBe(204);
      const tree = (await t.http().get('/api/v1/departments').set(kit.auth)).body.data;
      expect(tree.some((d: { id: string }) => d.id === a.id)).toBe(false);
      expect(tree.find((d: { id: string }) => d.id === c.id).memberCount).toBe(1);
    });
  });

  describe('teams', () => {
    it('creates a team whose members then share the team scope', async () => {
      const dept = await kit.department('Team dept');
      const a = await kit.user('team.a@kehu.test', ['sales_rep'], dept.id);
      const b = await kit.user('team.b@kehu.test', ['sales_rep'], dept.id);
      const res = await t.http().post('/api/v1/teams').set(kit.auth).send({ name: '一组', departmentId: dept.id, memberIds: [a.id, b.id] });
      expect(res.status).toBe(201);
      expect(res.body.memberIds.sort()).toEqual([a.id, b.id].sort());
      expect((await t.http().get(`/api/v1/users/${a.id}`).set(kit.auth)).body.teamIds).toEqual([res.body.id]);
      const removed = await t.http().patch(`/api/v1/teams/${res.body.id}`).set(kit.auth).set('If-Match', '"1"').send({ memberIds: [a.id] });
      expect(removed.body.memberIds).toEqual([a.id]);
      expect((await t.http().post('/api/v1/teams').set(kit.auth).send({ name: 'x', departmentId: dept.id, memberIds: ['00000000-0000-4000-8000-000000000000'] })).status).toBe(400);
      expect((await t.http().get(`/api/v1/teams?departmentId=${dept.id}`).set(kit.auth)).body.data).toHaveLength(1);
    });
  });

  describe('roles', () => {
    it('lists built-in roles read-only, and manages custom roles with a validated permission matrix', async () => {
      const roles = (await t.http().get('/api/v1/roles').set(kit.auth)).body.data;
      const admin = roles.find((r: { key: string }) => r.key === 'admin');
      expect(admin).toMatchObject({ builtIn: true, userCount: 1 });
      expect((await t.http().patch(`/api/v1/roles/${admin.id}`).set(kit.auth).set('If-Match', `"${admin.version}"`).send({ name: 'x' })).body.code).toBe('ROLE_BUILT_IN');
      expect((await t.http().delete(`/api/v1/roles/${admin.id}`).set(kit.auth)).status).toBe(409);
      const bad = await t.http().post('/api/v1/roles').set(kit.auth).send({ key: 'Bad Key', name: 'x', permissions: { 'sales.customer.fly': 'all' } });
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['key', 'permissions']);
      const role = await kit.role('key_account', { 'sales.customer.read': 'team' });
      const updated = await t.http().patch(`/api/v1/roles/${role.id}`).set(kit.auth).set('If-Match', '"1"').send({ permissions: { 'sales.customer.read': 'department', 'sales.customer.update': 'own' } });
      expect(updated.body.permissions).toEqual({ 'sales.customer.read': 'department', 'sales.customer.update': 'own' });
      const holder = await kit.user('holder@kehu.test', ['key_account']);
      expect((await t.http().get('/api/v1/me').set('Authorization', `Bearer ${await holder.token()}`)).body.permissions).toEqual(['sales.customer.read', 'sales.customer.update']);
      expect((await t.http().delete(`/api/v1/roles/${role.id}`).set(kit.auth)).body.code).toBe('ROLE_IN_USE');
      const perms = (await t.http().get('/api/v1/roles/permissions').set(kit.auth)).body;
      expect(perms).toContainEqual({ name: 'sales.customer.read', module: 'sales', resource: 'customer', action: 'read' });
    });
  });

  describe('module rollout', () => {
    it('switches modules per department; users see only what their department has', async () => {
      const dept = await kit.department('Rollout dept');
      const rep = await kit.user('rollout.rep@kehu.test', ['sales_rep'], dept.id);
      const res = await t.http().put(`/api/v1/module-rollout/${dept.id}`).set(kit.auth).set('If-Match', '"1"').send({ modules: ['sales'] });
      expect(res.status).toBe(200);
      expect(res.body.modules).toEqual(['sales']);
      expect((await t.http().put(`/api/v1/module-rollout/${dept.id}`).set(kit.auth).set('If-Match', '"1"').send({ modules: [] })).status).toBe(412);
      expect((await t.http().put(`/api/v1/module-rollout/${dept.id}`).set(kit.auth).set('If-Match', '"2"').send({ modules: ['crm'] })).status).toBe(400);
      const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${await rep.token()}`);
      expect(me.body.modules).toEqual(['sales']);
      const list = (await t.http().get('/api/v1/module-rollout').set(kit.auth)).body.data;
      expect(list.find((d: { departmentId: string }) => d.departmentId === dept.id).modules).toEqual(['sales']);
      const [audit] = await ds.query(`SELECT changes FROM audit_events WHERE action = 'update.rollout' AND entity_id = $1`, [dept.id]);
      expect(audit.changes.modules.after).toEqual(['sales']);
    });
  });

  describe('audit log', () => {
    it('filters by entity and action, newest first, admins only', async () => {
      const res = await t.http().get('/api/v1/audit-events?entityType=department&action=create&limit=3&count=true').set(kit.auth);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(3);
      expect(res.body.total).toBeGreaterThan(3);
      const ids = res.body.data.map((e: { id: string }) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const next = await t.http().get(`/api/v1/audit-events?entityType=department&action=create&limit=3&cursor=${res.body.nextCursor}`).set(kit.auth);
      expect(Number(next.body.data[0].id)).toBeLessThan(ids[2]);
      const rep = await kit.user('curious@kehu.test', ['sales_rep']);
      expect((await t.http().get('/api/v1/audit-events').set('Authorization', `Bearer ${await rep.token()}`)).status).toBe(403);
    });
  });
});
