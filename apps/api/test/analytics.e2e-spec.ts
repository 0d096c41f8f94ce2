/**
 * Analytics through HTTP on real PostgreSQL, wired as the app wires it (orders come from the
 * sales API, analytics reads them through its rollup and value tables): the revenue cube in
 * each scope, kept current by the order and customer triggers, and the nightly rebuild;
 * customer values (RFM, lifetime and referral value), their settings and recompute runs.
 */
import { RevenueRollupJob } from '@kehu/server-analytics';
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { appSchema } from '../src/app.schema';

const PASSWORD = 'Analyst-pass-123';
type Auth = Record<string, string>;

describe('analytics', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  const ctx = {} as { east: string; west: string; rep: Auth; repId: string; manager: Auth; westRep: Auth; technician: Auth; a: string; b: string; w: string; idle: string };
  const orders: Record<string, string> = {};

  const http = () => t.http();
  const ok = async (req: PromiseLike<{ status: number; body: any }>, status = 200) => {
    const res = await req;
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** An ERP order (upsert by external id): status and paid date as given. */
  const order = async (auth: Auth, key: string, customerId: string, status: string, paidAt: string, amount: number) => {
    const body = { customerId, number: key, status, placedAt: paidAt, paidAt: status === 'placed' ? undefined : paidAt, lines: [{ description: key, quantity: 1, unitPrice: amount }] };
    const res = await http().put(`/api/v1/orders/by-external/erp/${key}`).set(auth).send(body);
    expect([200, 201]).toContain(res.status); // 201 created, 200 updated
    orders[key] = res.body.id;
  };
  const cube = (auth: Auth, query: string) => ok(http().get(`/api/v1/analytics/revenue-cube?${query}`).set(auth));
  const cell = (c: any, row: string, col: string) => c.values[c.rows.findIndex((r: any) => r.key === row)]?.[c.columns.findIndex((x: any) => x.key === col)];
  const YEAR = 'rows=province&columns=month&from=2026-01&to=2026-12';

  /** Starts a recompute and waits for its run to finish (jobs are off in tests: it runs in this process). */
  const recompute = async () => {
    const started = await ok(http().post('/api/v1/analytics/values/recompute').set(admin), 202);
    expect(started.lastRun).toMatchObject({ finishedAt: null });
    for (let i = 0; i < 100; i++) {
      const s = await ok(http().get('/api/v1/analytics/value-settings').set(admin));
      if (s.lastRun?.finishedAt) return s.lastRun;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('recompute did not finish');
  };
  const value = (auth: Auth, id: string) => ok(http().get(`/api/v1/customers/${id}/value`).set(auth));

  beforeAll(async () => {
    t = await createTestApp({ root: AppModule.forRoot, schema: appSchema });
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    ctx.east = (await ok(http().post('/api/v1/departments').set(admin).send({ name: '华东销售部' }), 201)).id;
    ctx.west = (await ok(http().post('/api/v1/departments').set(admin).send({ name: '西部销售部' }), 201)).id;
    const user = async (email: string, roles: string[], departmentId: string) => {
      const u = await ok(http().post('/api/v1/users').set(admin).send({ email, name: email.split('@')[0], roles, password: PASSWORD, departmentId }), 201);
      return { id: u.id as string, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
    };
    const rep = await user('rep@kehu.test', ['sales_rep'], ctx.east);
    const manager = await user('manager@kehu.test', ['sales_manager'], ctx.east);
    const westRep = await user('west@kehu.test', ['sales_rep'], ctx.west);
    const technician = await user('tech@kehu.test', ['technician'], ctx.east);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, manager: manager.auth, westRep: westRep.auth, technician: technician.auth });
    const customer = async (auth: Auth, body: object) => (await ok(http().post('/api/v1/customers?allowDuplicate=true').set(auth).send(body), 201)).id as string;
    ctx.a = await customer(ctx.rep, { name: '广州甲科技有限公司', province: '广东' });
    ctx.b = await customer(ctx.rep, { name: '杭州乙贸易有限公司', province: '浙江', referredByCustomerId: ctx.a });
    ctx.idle = await customer(ctx.rep, { name: '宁波丙实业有限公司', province: '浙江' });
    ctx.w = await customer(ctx.westRep, { name: '北京丁软件有限公司', province: '北京' });
    await order(ctx.rep, 'A-1', ctx.a, 'paid', '2026-03-10T04:00:00Z', 1000);
    await order(ctx.rep, 'A-2', ctx.a, 'delivered', '2026-10-05T04:00:00Z', 500);
    await order(ctx.rep, 'A-3', ctx.a, 'placed', '2026-10-06T04:00:00Z', 999);
    await order(ctx.rep, 'B-1', ctx.b, 'delivered', '2026-10-20T04:00:00Z', 2000);
    await order(ctx.westRep, 'W-1', ctx.w, 'paid', '2026-03-15T04:00:00Z', 700);
  });
  afterAll(() => t?.close());

  describe('revenue cube', () => {
    it("pivots paid revenue by province × month in the caller's scope, largest row first, every month a column", async () => {
      const m = await cube(ctx.manager, YEAR);
      expect(m.rows.map((r: any) => r.key)).toEqual(['浙江', '广东']);
      expect(m.columns.map((c: any) => c.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
      expect(cell(m, '广东', '2026-03')).toBe(1000);
      expect(cell(m, '广东', '2026-10')).toBe(500); // the placed order A-3 is not revenue
      expect(cell(m, '浙江', '2026-10')).toBe(2000);
      expect(m.rowTotals).toEqual([2000, 1500]);
      expect(m.columnTotals[2]).toBe(1000);
      expect(m.total).toBe(3500);
      // The rep sees their own orders, the west rep only theirs, the admin everyone's.
      expect((await cube(ctx.rep, YEAR)).total).toBe(3500);
      const west = await cube(ctx.westRep, YEAR);
      expect(west.rows.map((r: any) => r.key)).toEqual(['北京']);
      expect(west.total).toBe(700);
      expect((await cube(admin, YEAR)).total).toBe(4200);
    });

    it('offers other dimensions and the order count, with names for departments and owners', async () => {
      const byDept = await cube(admin, 'rows=department&columns=quarter&from=2026-01&to=2026-12');
      expect(byDept.rows).toEqual([
        { key: ctx.east, label: '华东销售部' },
        { key: ctx.west, label: '西部销售部' },
      ]);
      expect(byDept.columns.map((c: any) => c.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
      expect(byDept.values).toEqual([
        [1000, 0, 0, 2500],
        [700, 0, 0, 0],
      ]);
      const count = await cube(ctx.manager, 'rows=owner&measure=orders&from=2026-01&to=2026-12');
      expect(count.rows).toEqual([{ key: ctx.repId, label: 'rep' }]);
      expect(count.values).toEqual([[3]]);
      expect(count.columns).toEqual([{ key: '', label: '' }]);
      const only = await cube(admin, `rows=province&from=2026-01&to=2026-12&departmentId=${ctx.west}`);
      expect(only.total).toBe(700);
    });

    it('follows orders as they are paid, returned and deleted, and a customer that moves province', async () => {
      await order(ctx.rep, 'A-3', ctx.a, 'paid', '2026-10-06T04:00:00Z', 999);
      expect(cell(await cube(ctx.manager, YEAR), '广东', '2026-10')).toBe(1499);
      await ok(http().post(`/api/v1/orders/${orders['B-1']}/status`).set(ctx.rep).send({ status: 'returned' }));
      let m = await cube(ctx.manager, YEAR);
      expect(m.rows.map((r: any) => r.key)).toEqual(['广东']);
      expect(m.total).toBe(2499);
      await ok(http().post(`/api/v1/orders/${orders['A-3']}/status`).set(ctx.rep).send({ status: 'returned' }));
      expect((await cube(ctx.manager, YEAR)).total).toBe(1500);
      // The API deletes only orders that never counted; a purge deleting paid rows (hard) is followed too.
      await order(ctx.rep, 'A-4', ctx.a, 'paid', '2026-10-07T04:00:00Z', 300);
      expect((await cube(ctx.manager, YEAR)).total).toBe(1800);
      for (const table of ['order_lines', 'order_status_events']) await ds.query(`DELETE FROM ${table} WHERE order_id = $1`, [orders['A-4']]);
      await ds.query(`DELETE FROM orders WHERE id = $1`, [orders['A-4']]);
      expect((await cube(ctx.manager, YEAR)).total).toBe(1500);

      const current = await http().get(`/api/v1/customers/${ctx.a}`).set(ctx.rep);
      await ok(http().patch(`/api/v1/customers/${ctx.a}`).set(ctx.rep).set('If-Match', current.headers.etag).send({ province: '上海' }));
      m = await cube(ctx.manager, YEAR);
      expect(m.rows.map((r: any) => r.key)).toEqual(['上海']);
      expect(cell(m, '上海', '2026-03')).toBe(1000);
      expect(m.total).toBe(1500);
      // The nightly rebuild from the orders finds nothing to correct after all that.
      expect(await t.app.get(RevenueRollupJob).rebuild()).toBe(0);
    });

    it('is put right by the nightly rebuild when the rollup drifted', async () => {
      const before = await cube(admin, YEAR);
      await ds.query(`UPDATE revenue_rollup SET revenue = revenue + 1`);
      await ds.query(`INSERT INTO revenue_rollup (month, province, department_id, owner_id, revenue, orders) VALUES ('2026-05-01', '火星', NULL, $1, 5, 1)`, [ctx.repId]);
      expect((await cube(admin, YEAR)).total).not.toBe(before.total);
      expect(await t.app.get(RevenueRollupJob).rebuild()).toBeGreaterThanOrEqual(3);
      expect(await cube(admin, YEAR)).toEqual(before);
    });

    it('answers bad queries with 400 naming the field, and 403 without the permission', async () => {
      const bad = async (query: string, field: string) => {
        const res = await http().get(`/api/v1/analytics/revenue-cube?${query}`).set(admin);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      };
      await bad('rows=city&from=2026-01&to=2026-02', 'rows');
      await bad('rows=province&from=2026-13&to=2026-12', 'from');
      await bad('rows=province&from=2026-05&to=2026-01', 'to');
      await bad('rows=province&from=2000-01&to=2026-01', 'to');
      await bad('rows=month&columns=month&from=2026-01&to=2026-02', 'columns');
      await bad('rows=province&from=2026-01&to=2026-02&departmentId=nope', 'departmentId');
      expect((await http().get(`/api/v1/analytics/revenue-cube?${YEAR}`).set(ctx.technician)).status).toBe(403);
    });
  });

  describe('customer value', () => {
    it('reads as no orders before the first run', async () => {
      expect(await value(ctx.rep, ctx.b)).toMatchObject({ customerId: ctx.b, rfmSegment: 'no_orders', rScore: null, lifetimeValue: 0, referralValue: 0 });
    });

    it('computes RFM, lifetime and referral value for every customer', async () => {
      // Reset the orders of the cube tests: A paid 1000 (March) + 500 (October), B delivered 2000 (October), W paid 700 (March).
      await order(ctx.rep, 'B-1', ctx.b, 'delivered', '2026-10-20T04:00:00Z', 2000);
      const run = await recompute();
      const live = (await ds.query(`SELECT count(*)::int AS n FROM customers WHERE deleted_at IS NULL`))[0].n;
      expect(run).toMatchObject({ customers: live, changed: live, error: null });

      // Quintile cuts of recency over W (March), A (5 Oct), B (20 Oct) are W, A, A, B; a score is 1 + the cuts
      // a value exceeds + half of those it equals: W 1 + 0 + 0 = 1, A 1 + 1 + 1 = 3, B 1 + 3 + 0 = 4.
      // Frequency 1, 1, 2 gives cuts 1, 1, 1, 2: one order 1 + 0 + 1 = 2, A's two 1 + 3 + 0 = 4.
      const a = await value(ctx.rep, ctx.a);
      expect(a).toMatchObject({ rfmSegment: 'loyal', rScore: 3, fScore: 4, frequency: 2, monetary: 1500, lifetimeValue: 1500, referralCount: 1, referralValue: 200, totalValue: 1700 });
      expect(a.recencyDays).toBeGreaterThanOrEqual(0);
      expect(await value(ctx.rep, ctx.b)).toMatchObject({ rfmSegment: 'new', rScore: 4, fScore: 2, lifetimeValue: 2000, referralCount: 0, referralValue: 0 });
      expect(await value(ctx.westRep, ctx.w)).toMatchObject({ rfmSegment: 'lost', rScore: 1, fScore: 2, lifetimeValue: 700 });
      expect(await value(ctx.rep, ctx.idle)).toMatchObject({ rfmSegment: 'no_orders', frequency: 0, lifetimeValue: 0, recencyDays: null });
      // Outside the scope the customer does not exist; without the permission, 403.
      expect((await http().get(`/api/v1/customers/${ctx.a}/value`).set(ctx.westRep)).status).toBe(404);
      expect((await http().get(`/api/v1/customers/${ctx.a}/value`).set(ctx.technician)).status).toBe(403);

      // A second run with nothing changed rewrites nothing.
      expect(await recompute()).toMatchObject({ customers: live, changed: 0 });
    });

    it("shows the R × F grid and the segments of the caller's customers", async () => {
      const mine = await ok(http().get('/api/v1/analytics/rfm').set(ctx.manager));
      expect(mine.cells).toEqual(
        expect.arrayContaining([
          { r: 3, f: 4, customers: 1, avgMonetary: 1500 },
          { r: 4, f: 2, customers: 1, avgMonetary: 2000 },
        ]),
      );
      expect(mine.cells).toHaveLength(2);
      const seg = Object.fromEntries(mine.segments.map((s: any) => [s.segment, s.customers]));
      expect(seg).toMatchObject({ loyal: 1, new: 1, lost: 0, no_orders: 1, champions: 0 });
      expect(mine.segments).toHaveLength(9);
      expect(mine.customers).toBe(3);
      expect(mine.computedAt).not.toBeNull();
      const all = await ok(http().get('/api/v1/analytics/rfm').set(admin));
      expect(Object.fromEntries(all.segments.map((s: any) => [s.segment, s.customers]))).toMatchObject({ loyal: 1, new: 1, lost: 1 });
      expect(all.segments.find((s: any) => s.segment === 'loyal')).toMatchObject({ monetary: 1500, totalValue: 1700 });
    });

    it('changes the window and referral share under If-Match, audited, and uses them at the next run', async () => {
      const res = await http().get('/api/v1/analytics/value-settings').set(ctx.rep);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ windowMonths: 12, referralSharePercent: 10 });
      expect((await http().put('/api/v1/analytics/value-settings').set(ctx.rep).set('If-Match', res.headers.etag).send({ windowMonths: 6, referralSharePercent: 5 })).status).toBe(403);
      const invalid = await http().put('/api/v1/analytics/value-settings').set(admin).set('If-Match', res.headers.etag).send({ windowMonths: 0, referralSharePercent: 5 });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors[0].field).toBe('windowMonths');
      const saved = await ok(http().put('/api/v1/analytics/value-settings').set(admin).set('If-Match', res.headers.etag).send({ windowMonths: 6, referralSharePercent: 5 }));
      expect(saved).toMatchObject({ windowMonths: 6, referralSharePercent: 5, version: res.body.version + 1 });
      expect((await http().put('/api/v1/analytics/value-settings').set(admin).set('If-Match', res.headers.etag).send({ windowMonths: 3, referralSharePercent: 5 })).status).toBe(412);
      const audit = await ds.query(`SELECT changes FROM audit_events WHERE entity_type = 'value_settings' ORDER BY id DESC LIMIT 1`);
      expect(audit[0].changes).toEqual({ windowMonths: { before: 12, after: 6 }, referralSharePercent: { before: 10, after: 5 } });

      await recompute();
      // Six months back from now, A's March order falls out of the window but stays in its lifetime value.
      const now = new Date();
      const marchInWindow = now.getTime() - 183 * 86_400_000 < Date.parse('2026-03-10T04:00:00Z');
      expect(await value(ctx.rep, ctx.a)).toMatchObject({ frequency: marchInWindow ? 2 : 1, monetary: marchInWindow ? 1500 : 500, lifetimeValue: 1500, referralValue: 100 });
    });

    it('refuses a second recompute while one runs, and forgets the values of deleted customers', async () => {
      await ds.query(`UPDATE value_settings SET run_started_at = now(), run_finished_at = NULL`);
      const busy = await http().post('/api/v1/analytics/values/recompute').set(admin);
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('CONFLICT');
      // A run that started over an hour ago and never finished died with its process.
      await ds.query(`UPDATE value_settings SET run_started_at = now() - interval '2 hours', run_finished_at = NULL`);
      const current = await http().get(`/api/v1/customers/${ctx.b}`).set(ctx.rep);
      await ok(http().delete(`/api/v1/customers/${ctx.b}`).set(ctx.manager).set('If-Match', current.headers.etag), 204);
      await recompute();
      expect(await ds.query(`SELECT count(*)::int AS n FROM customer_values WHERE customer_id = $1`, [ctx.b])).toEqual([{ n: 0 }]);
      expect(await value(ctx.rep, ctx.a)).toMatchObject({ referralCount: 0, referralValue: 0 });
    });
  });
});
