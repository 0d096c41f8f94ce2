/**
 * Sales targets through HTTP on real PostgreSQL: who may set which target, uniqueness,
 * scope, and the progress math for users, departments (their whole subtree) and the
 * company, per metric (won amount, received amount, new customers), month and quarter.
 */
import { Clock } from '@kehu/server-core';
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootSalesApp } from '../../test/sales-test-kit';

const PASSWORD = 'Rep-pass-12345';
type Auth = Record<string, string>;
interface Row {
  level: string;
  subjectId: string | null;
  subjectName: string | null;
  metric: string;
  target: number;
  actual: number;
  percent: number | null;
}

describe('targets', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  const ctx = {} as { east: string; eastSub: string; west: string; rep: Auth; repId: string; subRep: Auth; subRepId: string; westRep: Auth; westRepId: string; manager: Auth; westManager: Auth };

  const targets = (auth: Auth) => ({
    create: (body: object) => t.http().post('/api/v1/targets').set(auth).send(body),
    progress: (query: string) => t.http().get(`/api/v1/targets/progress${query}`).set(auth),
    get: (id: string) => t.http().get(`/api/v1/targets/${id}`).set(auth),
    patch: (id: string, version: number, body: object) => t.http().patch(`/api/v1/targets/${id}`).set(auth).set('If-Match', `"${version}"`).send(body),
    remove: (id: string) => t.http().delete(`/api/v1/targets/${id}`).set(auth),
    list: (query = '') => t.http().get(`/api/v1/targets${query}`).set(auth),
  });
  const post = async (url: string, body: object, auth: Auth) => {
    const res = await t.http().post(url).set(auth).send(body);
    if (res.status >= 300) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const customer = async (auth: Auth, name: string, createdAt: string) => {
    const id = (await post('/api/v1/customers?allowDuplicate=true', { name }, auth)).id as string;
    await ds.query(`UPDATE customers SET created_at = $2 WHERE id = $1`, [id, createdAt]);
    return id;
  };
  const won = async (auth: Auth, customerId: string, amount: number, wonAt: string | null) => {
    const id = (await post('/api/v1/opportunities', { customerId, name: `deal ${amount}`, amount }, auth)).id;
    if (wonAt) await ds.query(`UPDATE opportunities SET status = 'won', won_at = $2 WHERE id = $1`, [id, wonAt]);
  };
  /** An approved contract of the rep's customer with one instalment, paid `amount` on `receivedOn`. */
  const received = async (auth: Auth, customerId: string, amount: number, receivedOn: string) => {
    const c = await post('/api/v1/sales-contracts', { title: 'c', customerId, amount, startDate: '2026-01-01', endDate: '2026-12-31' }, auth);
    await post(`/api/v1/sales-contracts/${c.id}/submit`, {}, auth);
    await post(`/api/v1/sales-contracts/${c.id}/approve`, {}, ctx.manager);
    const i = await post(`/api/v1/sales-contracts/${c.id}/receivables`, { dueDate: '2026-12-31', amount }, auth);
    await post(`/api/v1/receivables/${i.id}/payments`, { amount, receivedOn, method: 'bank_transfer' }, auth);
  };
  const row = (rows: Row[], level: string, metric: string, subjectId: string | null = null) => rows.find((r) => r.level === level && r.metric === metric && r.subjectId === subjectId);

  beforeAll(async () => {
    t = await bootSalesApp();
    ds = t.app.get(DataSource);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-12-05T04:00:00Z'));
    admin = { Authorization: `Bearer ${await t.login()}` };
    ctx.east = (await post('/api/v1/departments', { name: '华东' }, admin)).id;
    ctx.eastSub = (await post('/api/v1/departments', { name: '上海组', parentId: ctx.east }, admin)).id;
    ctx.west = (await post('/api/v1/departments', { name: '西部' }, admin)).id;
    const user = async (email: string, name: string, roles: string[], departmentId: string) => {
      const u = await post('/api/v1/users', { email, name, roles, password: PASSWORD, departmentId }, admin);
      return { id: u.id as string, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
    };
    const rep = await user('rep@kehu.test', '张三', ['sales_rep'], ctx.east);
    const subRep = await user('sub@kehu.test', '李四', ['sales_rep'], ctx.eastSub);
    const westRep = await user('west@kehu.test', '王五', ['sales_rep'], ctx.west);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, subRep: subRep.auth, subRepId: subRep.id, westRep: westRep.auth, westRepId: westRep.id });
    ctx.manager = (await user('manager@kehu.test', '经理', ['sales_manager'], ctx.east)).auth;
    ctx.westManager = (await user('westmgr@kehu.test', '西部经理', ['sales_manager'], ctx.west)).auth;

    // New customers: the rep brings in two in November (one on 1 Nov 00:30 Shanghai = 31 Oct UTC), one in October.
    const repCustomer = await customer(ctx.rep, '张三客户一', '2026-11-10T02:00:00Z');
    await customer(ctx.rep, '张三客户二', '2026-10-31T16:30:00Z');
    await customer(ctx.rep, '张三老客户', '2026-10-20T02:00:00Z');
    const subCustomer = await customer(ctx.subRep, '李四客户', '2026-11-11T02:00:00Z');
    const westCustomer = await customer(ctx.westRep, '王五客户', '2026-11-12T02:00:00Z');

    // Won: rep 1000 (Nov) + 999 (Oct) + an open one; sub 500 (1 Nov 01:00 Shanghai); west 300.
    await won(ctx.rep, repCustomer, 1000, '2026-11-10T02:00:00Z');
    await won(ctx.rep, repCustomer, 999, '2026-10-31T15:00:00Z'); // 23:00 on 31 Oct in Shanghai: October
    await won(ctx.rep, repCustomer, 777, null);
    await won(ctx.subRep, subCustomer, 500, '2026-10-31T17:00:00Z'); // 01:00 on 1 Nov in Shanghai: November
    await won(ctx.westRep, westCustomer, 300, '2026-11-05T02:00:00Z');

    // Received: rep 2000 (3 Nov) + 100 (31 Oct); sub 700 (30 Nov); west 50 (15 Nov).
    await received(ctx.rep, repCustomer, 2000, '2026-11-03');
    await received(ctx.rep, repCustomer, 100, '2026-10-31');
    await received(ctx.subRep, subCustomer, 700, '2026-11-30');
    const w = await post('/api/v1/sales-contracts', { title: 'w', customerId: westCustomer, amount: 50, startDate: '2026-01-01', endDate: '2026-12-31' }, ctx.westRep);
    await post(`/api/v1/sales-contracts/${w.id}/submit`, {}, ctx.westRep);
    await post(`/api/v1/sales-contracts/${w.id}/approve`, {}, ctx.westManager);
    const wi = await post(`/api/v1/sales-contracts/${w.id}/receivables`, { dueDate: '2026-12-31', amount: 50 }, ctx.westRep);
    await post(`/api/v1/receivables/${wi.id}/payments`, { amount: 50, receivedOn: '2026-11-15', method: 'cash' }, ctx.westRep);
  });
  afterAll(() => t?.close());

  it('lets managers set targets for their departments and their users only; company targets need all scope; one per period, level, subject, metric', async () => {
    const m = targets(ctx.manager);
    expect((await m.create({ period: '2026-11', level: 'department', subjectId: ctx.east, metric: 'won_amount', value: 3000 })).status).toBe(201);
    expect((await m.create({ period: '2026-11', level: 'department', subjectId: ctx.eastSub, metric: 'won_amount', value: 1000 })).status).toBe(201);
    expect((await m.create({ period: '2026-11', level: 'user', subjectId: ctx.repId, metric: 'won_amount', value: 2000 })).status).toBe(201);
    expect((await m.create({ period: '2026-11', level: 'user', subjectId: ctx.subRepId, metric: 'won_amount', value: 1000 })).status).toBe(201);
    expect((await m.create({ period: '2026-11', level: 'user', subjectId: ctx.repId, metric: 'received_amount', value: 4000 })).status).toBe(201);
    expect((await m.create({ period: '2026-11', level: 'department', subjectId: ctx.east, metric: 'received_amount', value: 5000 })).status).toBe(201);
    expect((await m.create({ period: '2026-11', level: 'user', subjectId: ctx.repId, metric: 'new_customers', value: 4 })).status).toBe(201);
    expect((await m.create({ period: '2026-11', level: 'department', subjectId: ctx.east, metric: 'new_customers', value: 10 })).status).toBe(201);
    expect((await m.create({ period: '2026-Q4', level: 'user', subjectId: ctx.repId, metric: 'won_amount', value: 0 })).status).toBe(201);

    const dup = await m.create({ period: '2026-11', level: 'user', subjectId: ctx.repId, metric: 'won_amount', value: 1 });
    expect([dup.status, dup.body.code]).toEqual([409, 'ALREADY_EXISTS']);
    const west = await m.create({ period: '2026-11', level: 'department', subjectId: ctx.west, metric: 'won_amount', value: 1 });
    expect([west.status, west.body.errors[0].field]).toEqual([400, 'subjectId']);
    expect((await m.create({ period: '2026-11', level: 'user', subjectId: ctx.westRepId, metric: 'won_amount', value: 1 })).status).toBe(400);
    expect((await m.create({ period: '2026-11', level: 'company', metric: 'won_amount', value: 1 })).status).toBe(403);
    expect((await m.create({ period: '2026-13', level: 'user', subjectId: ctx.repId, metric: 'won_amount', value: 1 })).body.errors[0].field).toBe('period');
    expect((await m.create({ period: '2026-11', level: 'user', metric: 'won_amount', value: 1 })).body.errors[0].field).toBe('subjectId');
    expect((await m.create({ period: '2026-12', level: 'user', subjectId: ctx.repId, metric: 'new_customers', value: 1.5 })).body.errors[0].field).toBe('value');
    expect((await targets(ctx.rep).create({ period: '2026-11', level: 'user', subjectId: ctx.repId, metric: 'won_amount', value: 1 })).status).toBe(403);

    const company = await targets(admin).create({ period: '2026-11', level: 'company', metric: 'won_amount', value: 4000 });
    expect(company.body).toMatchObject({ level: 'company', subjectId: null, value: 4000, version: 1 });
    expect((await targets(admin).create({ period: '2026-11', level: 'company', metric: 'won_amount', value: 1 })).status).toBe(409);
    await targets(admin).create({ period: '2026-11', level: 'company', metric: 'received_amount', value: 0 });
    await targets(admin).create({ period: '2026-11', level: 'company', metric: 'new_customers', value: 8 });
  });

  it('computes progress for users, departments (whole subtree) and the company, per metric', async () => {
    const res = await targets(admin).progress('?period=2026-11');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    const rows: Row[] = res.body.data;
    // Won: rep 1000, sub 500 (01:00 on 1 Nov in Shanghai), west 300; October and open deals do not count.
    expect(row(rows, 'user', 'won_amount', ctx.repId)).toMatchObject({ subjectName: '张三', target: 2000, actual: 1000, percent: 50 });
    expect(row(rows, 'user', 'won_amount', ctx.subRepId)).toMatchObject({ target: 1000, actual: 500, percent: 50 });
    expect(row(rows, 'department', 'won_amount', ctx.east)).toMatchObject({ subjectName: '华东', target: 3000, actual: 1500, percent: 50 });
    expect(row(rows, 'department', 'won_amount', ctx.eastSub)).toMatchObject({ actual: 500, percent: 50 });
    expect(row(rows, 'company', 'won_amount')).toMatchObject({ subjectName: null, target: 4000, actual: 1800, percent: 45 });
    // Received: rep 2000 in November (not the 100 of 31 Oct), east subtree 2700, company 2750 (target 0: no percent).
    expect(row(rows, 'user', 'received_amount', ctx.repId)).toMatchObject({ actual: 2000, percent: 50 });
    expect(row(rows, 'department', 'received_amount', ctx.east)).toMatchObject({ actual: 2700, percent: 54 });
    expect(row(rows, 'company', 'received_amount')).toMatchObject({ actual: 2750, percent: null });
    // New customers: the rep developed two in November (00:30 on 1 Nov in Shanghai counts), east 3, company 4.
    expect(row(rows, 'user', 'new_customers', ctx.repId)).toMatchObject({ actual: 2, percent: 50 });
    expect(row(rows, 'department', 'new_customers', ctx.east)).toMatchObject({ actual: 3, percent: 30 });
    expect(row(rows, 'company', 'new_customers')).toMatchObject({ actual: 4, percent: 50 });
    // Company, then departments, then users.
    expect(rows[0].level).toBe('company');
    expect(rows[rows.length - 1].level).toBe('user');

    const users = await targets(admin).progress('?period=2026-11&level=user&metric=won_amount');
    expect(users.body.data.map((r: Row) => r.subjectId).sort()).toEqual([ctx.repId, ctx.subRepId].sort());
    const quarter = await targets(admin).progress('?period=2026-Q4');
    expect(quarter.body).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarter.body.data).toEqual([expect.objectContaining({ level: 'user', subjectId: ctx.repId, actual: 1999, target: 0, percent: null })]);
  });

  it('scopes reads: a rep sees their own targets, a manager their departments, another department nothing', async () => {
    const mine = (await targets(ctx.rep).progress('?period=2026-11')).body.data as Row[];
    expect(new Set(mine.map((r) => `${r.level}:${r.subjectId}`))).toEqual(new Set([`user:${ctx.repId}`]));
    const sub = (await targets(ctx.subRep).progress('?period=2026-11')).body.data as Row[];
    expect(sub.map((r) => r.subjectId)).toEqual([ctx.subRepId]);
    const manager = (await targets(ctx.manager).progress('?period=2026-11')).body.data as Row[];
    expect(manager.some((r) => r.level === 'company')).toBe(false);
    expect(manager).toHaveLength(8);
    expect((await targets(ctx.westManager).progress('?period=2026-11')).body.data).toEqual([]);
    const one = (await targets(ctx.manager).list(`?period=2026-11&level=user&subjectId=${ctx.repId}&metric=won_amount`)).body.data[0];
    expect((await targets(ctx.westManager).get(one.id)).status).toBe(404);
    expect((await targets(ctx.rep).get(one.id)).status).toBe(200);
    expect((await targets(ctx.westManager).patch(one.id, 1, { value: 1 })).status).toBe(404);
    expect((await targets(ctx.rep).patch(one.id, 1, { value: 1 })).status).toBe(403);
  });

  it('updates the value with If-Match and deletes, audited', async () => {
    const one = (await targets(ctx.manager).list(`?period=2026-11&level=user&subjectId=${ctx.subRepId}&metric=won_amount`)).body.data[0];
    const upd = await targets(ctx.manager).patch(one.id, one.version, { value: 2500 });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ value: 2500, version: 2 });
    expect((await targets(ctx.manager).patch(one.id, one.version, { value: 1 })).status).toBe(412);
    expect((await targets(ctx.manager).progress('?period=2026-11&level=user&metric=won_amount')).body.data.find((r: Row) => r.subjectId === ctx.subRepId)).toMatchObject({ percent: 20 });
    expect((await targets(ctx.manager).remove(one.id)).status).toBe(204);
    const audit = await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'sales_target' AND entity_id = $1 ORDER BY id`, [one.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update', 'delete']);
  });
});
