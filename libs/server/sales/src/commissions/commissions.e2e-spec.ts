/**
 * Commission math (提成) through HTTP on real PostgreSQL: developer credit kept across
 * reassignment, the one-off bonus (on creation or first paid order), the percentage of paid
 * orders within N months of acquisition (half-open window, Asia/Shanghai months), rounding
 * half up to cents in exact numeric, other currencies / cancelled / returned orders left
 * out, idempotent recompute, frozen confirmed statements, scope and the CSV export.
 */
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootSalesApp } from '../../test/sales-test-kit';

const PASSWORD = 'Rep-pass-12345';
type Auth = Record<string, string>;

describe('commissions', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  const ctx = {} as { rep: Auth; repId: string; mateId: string; manager: Auth; westRep: Auth; westManager: Auth };
  const ids = {} as Record<string, string>;

  const http = () => t.http();
  const ok = async (req: Promise<{ status: number; body: any }>, status = 201) => {
    const res = await req;
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** A customer of the rep, acquired (created) at the given instant. */
  const customer = async (name: string, createdAt: string) => {
    const id = (await ok(http().post('/api/v1/customers?allowDuplicate=true').set(ctx.rep).send({ name }))).id as string;
    await ds.query(`UPDATE customers SET created_at = $2 WHERE id = $1`, [id, createdAt]);
    return id;
  };
  /** An order placed a minute before it is paid at `paidAt`, optionally moved on to `then`. */
  const paidOrder = async (customerId: string, total: number, paidAt: string, options: { currency?: string; then?: string } = {}) => {
    const placedAt = new Date(Date.parse(paidAt) - 60_000).toISOString();
    const o = await ok(http().post('/api/v1/orders').set(ctx.rep).send({ customerId, placedAt, currency: options.currency, lines: [{ description: '货品', quantity: 1, unitPrice: total }] }));
    await ok(http().post(`/api/v1/orders/${o.id}/status`).set(ctx.rep).send({ status: 'paid', at: paidAt }), 200);
    if (options.then) await ok(http().post(`/api/v1/orders/${o.id}/status`).set(ctx.rep).send({ status: options.then, at: new Date(Date.parse(paidAt) + 1000).toISOString() }), 200);
    return o.id as string;
  };
  const compute = (auth: Auth, body: object) => http().post('/api/v1/commission-statements').set(auth).send(body);

  beforeAll(async () => {
    t = await bootSalesApp();
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    const east = (await ok(http().post('/api/v1/departments').set(admin).send({ name: '华东' }))).id;
    const west = (await ok(http().post('/api/v1/departments').set(admin).send({ name: '西部' }))).id;
    const user = async (email: string, roles: string[], departmentId: string) => {
      const u = await ok(http().post('/api/v1/users').set(admin).send({ email, name: email.split('@')[0], roles, password: PASSWORD, departmentId }));
      return { id: u.id as string, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
    };
    const rep = await user('rep@kehu.test', ['sales_rep'], east);
    const mate = await user('mate@kehu.test', ['sales_rep'], east);
    const manager = await user('manager@kehu.test', ['sales_manager'], east);
    const westRep = await user('west@kehu.test', ['sales_rep'], west);
    const westManager = await user('westmgr@kehu.test', ['sales_manager'], west);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, mateId: mate.id, manager: manager.auth, westRep: westRep.auth, westManager: westManager.auth });

    ids.bonus = (await ok(http().post('/api/v1/commission-rules').set(admin).send({ name: '开发奖励', bonusAmount: 500, effectiveFrom: '2026-01-01' }))).id;
    ids.rate = (await ok(http().post('/api/v1/commission-rules').set(admin).send({ name: '六个月提成', ratePercent: 3.5, months: 6, effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' }))).id;
    ids.first = (await ok(http().post('/api/v1/commission-rules').set(admin).send({ name: '首单奖励', bonusAmount: 200, bonusTrigger: 'first_paid_order', effectiveFrom: '2026-01-01' }))).id;

    // Acquired 2026-03-15 10:00 Shanghai: orders paid before 2026-09-15 10:00 Shanghai count.
    ids.c1 = await customer('提成客户一', '2026-03-15T10:00:00+08:00');
    ids.o1 = await paidOrder(ids.c1, 1000.1, '2026-09-15T09:59:59+08:00'); // 35.0035 → 35.00
    ids.o2 = await paidOrder(ids.c1, 333.33, '2026-09-15T10:00:00+08:00'); // window closed
    ids.o3 = await paidOrder(ids.c1, 100.3, '2026-09-01T00:00:00+08:00'); // first instant of September: 3.5105 → 3.51
    ids.o4 = await paidOrder(ids.c1, 50, '2026-08-31T23:59:59+08:00'); // August (the first paid order of c1)
    ids.o5 = await paidOrder(ids.c1, 999, '2026-09-10T12:00:00+08:00', { currency: 'USD' }); // other currency
    ids.o6 = await paidOrder(ids.c1, 888, '2026-09-11T12:00:00+08:00', { then: 'returned' }); // returned
    ids.o8 = await paidOrder(ids.c1, 3, '2026-09-12T12:00:00+08:00', { then: 'shipped' }); // 0.105 exactly → 0.11 (half up)
    const cancelled = await ok(http().post('/api/v1/orders').set(ctx.rep).send({ customerId: ids.c1, placedAt: '2026-09-05T00:00:00+08:00', lines: [{ description: 'x', quantity: 1, unitPrice: 10000 }] }));
    await ok(http().post(`/api/v1/orders/${cancelled.id}/status`).set(ctx.rep).send({ status: 'cancelled' }), 200);
    // Acquired on the last evening of September (Shanghai): its 500 bonus is September's.
    ids.c2 = await customer('提成客户二', '2026-09-30T23:30:00+08:00');
    // Acquired at the first instant of October (Shanghai): not September.
    ids.c3 = await customer('提成客户三', '2026-10-01T00:00:00+08:00');
    // Acquired in January: its window closed in July; its first paid order in September earns the 200 first-order bonus only.
    ids.c4 = await customer('提成客户四', '2026-01-20T09:00:00+08:00');
    ids.o9 = await paidOrder(ids.c4, 5000, '2026-09-20T12:00:00+08:00');
    // The credit stays with the developer when someone else owns the customer now.
    await ds.query(`UPDATE customers SET owner_id = $2 WHERE id = $1`, [ids.c1, ctx.mateId]);
  });
  afterAll(() => t?.close());

  it('computes the exact lines and total of a month', async () => {
    const res = await compute(ctx.manager, { userId: ctx.repId, period: '2026-09' });
    expect(res.status).toBe(200);
    expect(res.body.statements).toHaveLength(1);
    const s = await ok(http().get(`/api/v1/commission-statements/${res.body.statements[0].id}`).set(ctx.rep), 200);
    expect(s).toMatchObject({ userId: ctx.repId, userName: 'rep', period: '2026-09', status: 'draft', currency: 'CNY', total: 738.62, lineCount: 5 });
    const lines = s.lines.map((l: any) => [l.kind, l.customerName, l.orderId, l.basisAmount, l.ratePercent, l.bonusAmount, l.amount]);
    expect(lines).toEqual([
      ['percentage', '提成客户一', ids.o3, 100.3, 3.5, null, 3.51],
      ['percentage', '提成客户一', ids.o8, 3, 3.5, null, 0.11],
      ['percentage', '提成客户一', ids.o1, 1000.1, 3.5, null, 35],
      ['bonus', '提成客户四', null, null, null, 200, 200],
      ['bonus', '提成客户二', null, null, null, 500, 500],
    ]);
    expect(s.lines[0].occurredAt).toBe('2026-08-31T16:00:00.000Z');
  });

  it('puts the boundary cases in their own months', async () => {
    const aug = (await ok(compute(ctx.manager, { userId: ctx.repId, period: '2026-08' }), 200)).statements[0];
    const augLines = (await ok(http().get(`/api/v1/commission-statements/${aug.id}`).set(ctx.rep), 200)).lines;
    // The first-order bonus of c1 and 50 × 3.5% = 1.75, at the same instant.
    expect(augLines.map((l: any) => [l.kind, l.amount])).toEqual([['bonus', 200], ['percentage', 1.75]]);
    const oct = (await ok(compute(ctx.manager, { userId: ctx.repId, period: '2026-10' }), 200)).statements[0];
    expect(oct).toMatchObject({ total: 500, lineCount: 1 });
    const mar = (await ok(compute(ctx.manager, { userId: ctx.repId, period: '2026-03' }), 200)).statements[0];
    expect(mar).toMatchObject({ total: 500, lineCount: 1 });
  });

  it('recomputes a draft in place and freezes a confirmed statement', async () => {
    const first = (await ok(compute(ctx.manager, { userId: ctx.repId, period: '2026-09' }), 200)).statements[0];
    const again = (await ok(compute(ctx.manager, { userId: ctx.repId, period: '2026-09' }), 200)).statements[0];
    expect(again.id).toBe(first.id);
    expect(again.total).toBe(first.total);
    expect(again.version).toBe(first.version + 1);
    expect(await ds.query(`SELECT count(*)::int AS n FROM commission_statement_lines WHERE statement_id = $1`, [first.id])).toEqual([{ n: 5 }]);

    expect((await http().post(`/api/v1/commission-statements/${first.id}/confirm`).set(ctx.rep)).status).toBe(403);
    const confirmed = await ok(http().post(`/api/v1/commission-statements/${first.id}/confirm`).set(ctx.manager), 200);
    expect(confirmed).toMatchObject({ status: 'confirmed', total: 738.62 });
    expect((await http().post(`/api/v1/commission-statements/${first.id}/confirm`).set(ctx.manager)).body.code).toBe('STATEMENT_CONFIRMED');
    await paidOrder(ids.c2, 100, '2026-09-30T23:45:00+08:00');
    const otherDraft = (await ok(compute(ctx.manager, { userId: ctx.repId, period: '2026-10' }), 200)).statements[0];
    expect(otherDraft.total).toBe(500);
    const frozen = (await ok(compute(ctx.manager, { period: '2026-09' }), 200)).statements.find((s: { userId: string }) => s.userId === ctx.repId);
    expect(frozen).toMatchObject({ id: first.id, status: 'confirmed', total: 738.62 });
    expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'commission_statement' AND entity_id = $1 ORDER BY id`, [first.id])).toEqual([{ action: 'compute' }, { action: 'compute' }, { action: 'compute' }, { action: 'confirm' }]);
  });

  it('shows reps their own statements and managers their department only', async () => {
    expect((await compute(ctx.rep, { period: '2026-09' })).status).toBe(403);
    const mine = await ok(http().get('/api/v1/commission-statements?period=2026-09').set(ctx.rep), 200);
    expect(mine.data.map((s: { userId: string }) => s.userId)).toEqual([ctx.repId]);
    expect((await ok(http().get('/api/v1/commission-statements').set(ctx.westRep), 200)).data).toEqual([]);
    expect((await http().get(`/api/v1/commission-statements/${mine.data[0].id}`).set(ctx.westManager)).status).toBe(404);
    const outside = await compute(ctx.westManager, { userId: ctx.repId, period: '2026-09' });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].field).toBe('userId');
    expect((await compute(ctx.manager, { period: '2026-13' })).status).toBe(400);
  });

  it('sorts statements by total or month and refuses other sorts', async () => {
    const byTotal = (await ok(http().get('/api/v1/commission-statements?sort=-total').set(admin), 200)).data as { total: number }[];
    expect(byTotal.length).toBeGreaterThan(1);
    expect(byTotal.map((s) => s.total)).toEqual([...byTotal.map((s) => s.total)].sort((x, y) => y - x));
    const byMonth = (await ok(http().get('/api/v1/commission-statements?sort=period').set(admin), 200)).data as { period: string }[];
    expect(byMonth.map((s) => s.period)).toEqual([...byMonth.map((s) => s.period)].sort());
    const bad = await http().get('/api/v1/commission-statements?sort=userId').set(admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('sort');
  });

  it('exports a statement as CSV with a BOM', async () => {
    const [s] = (await ok(http().get('/api/v1/commission-statements?period=2026-09').set(ctx.rep), 200)).data;
    const res = await http().get(`/api/v1/commission-statements/${s.id}?format=csv`).set(ctx.rep).buffer(true).parse((r, cb) => {
      let data = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (data += c));
      r.on('end', () => cb(null, data));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trim().split('\r\n');
    expect(rows).toHaveLength(7);
    expect(rows[1]).toBe(`percentage,提成客户一,${rows[1].split(',')[2]},100.30,3.50,,3.51,2026-08-31T16:00:00.000Z`);
    expect(rows[6]).toBe('total,rep,2026-09,,,,738.62,CNY');
  });

  it('validates rules', async () => {
    const none = await http().post('/api/v1/commission-rules').set(admin).send({ name: 'x', effectiveFrom: '2026-01-01' });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('bonusAmount');
    const noMonths = await http().post('/api/v1/commission-rules').set(admin).send({ name: 'x', ratePercent: 1, effectiveFrom: '2026-01-01' });
    expect(noMonths.body.errors[0].field).toBe('months');
    expect((await http().post('/api/v1/commission-rules').set(ctx.manager).send({ name: 'x', bonusAmount: 1, effectiveFrom: '2026-01-01' })).status).toBe(403);
  });
});
