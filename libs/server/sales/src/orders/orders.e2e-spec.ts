/**
 * Products, price lists and orders (订单) through HTTP on real PostgreSQL: product codes,
 * the category subtree filter, price resolution per grade/province, server-side totals,
 * the status timeline and its transitions, data scope, the ERP upsert's idempotency,
 * orders from won opportunities, grading on payment and the customer-merge mover.
 */
import type { TestApp } from '@kehu/server-testing';
import { Clock, JobsService } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { GRADING_JOB } from '../grading/grading.service';
import { bootSalesApp } from '../../test/sales-test-kit';

const PASSWORD = 'Rep-pass-12345';
type Auth = Record<string, string>;

describe('products, price lists and orders', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  const ctx = {} as { east: string; west: string; rep: Auth; repId: string; manager: Auth; managerId: string; westRep: Auth; westRepId: string };
  let stages: { id: string; kind: string }[];

  const http = () => t.http();
  const ok = async (req: Promise<{ status: number; body: any }>, status = 201) => {
    const res = await req;
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const customer = async (auth: Auth, body: object): Promise<string> => (await ok(http().post('/api/v1/customers?allowDuplicate=true').set(auth).send(body))).id;
  const product = (body: object) => ok(http().post('/api/v1/products').set(admin).send({ unit: '套', ...body }));

  beforeAll(async () => {
    t = await bootSalesApp();
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    ctx.east = (await ok(http().post('/api/v1/departments').set(admin).send({ name: '华东' }))).id;
    ctx.west = (await ok(http().post('/api/v1/departments').set(admin).send({ name: '西部' }))).id;
    const user = async (email: string, roles: string[], departmentId: string) => {
      const u = await ok(http().post('/api/v1/users').set(admin).send({ email, name: email.split('@')[0], roles, password: PASSWORD, departmentId }));
      return { id: u.id as string, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
    };
    const rep = await user('rep@kehu.test', ['sales_rep'], ctx.east);
    const manager = await user('manager@kehu.test', ['sales_manager'], ctx.east);
    const westRep = await user('west@kehu.test', ['sales_rep'], ctx.west);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, manager: manager.auth, managerId: manager.id, westRep: westRep.auth, westRepId: westRep.id });
    stages = (await ok(http().get('/api/v1/pipelines').set(ctx.rep), 200)).data.find((p: { isDefault: boolean }) => p.isDefault).stages;
  });
  afterAll(() => t?.close());

  describe('products and categories', () => {
    it('keeps codes unique among live products, filters by category subtree, active and q, and frees the code on delete', async () => {
      const software = await ok(http().post('/api/v1/product-categories').set(admin).send({ name: '软件' }));
      const saas = await ok(http().post('/api/v1/product-categories').set(admin).send({ name: 'SaaS', parentId: software.id }));
      const hardware = await ok(http().post('/api/v1/product-categories').set(admin).send({ name: '硬件' }));
      expect(saas.path).toBe(`/${software.id}/${saas.id}/`);
      const a = await product({ code: 'P-CRM', name: 'CRM 订阅', listPrice: 1200, categoryId: saas.id });
      await product({ code: 'P-ERP', name: 'ERP 许可', listPrice: 5000.5, categoryId: software.id, active: false });
      await product({ code: 'P-SRV', name: '服务器', listPrice: 30000, categoryId: hardware.id });
      expect(a).toMatchObject({ code: 'P-CRM', unit: '套', listPrice: 1200, currency: 'CNY', active: true, version: 1 });

      const taken = await http().post('/api/v1/products').set(admin).send({ code: 'P-CRM', name: 'again', listPrice: 1 });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('PRODUCT_CODE_TAKEN');

      const sub = await ok(http().get(`/api/v1/products?categoryId=${software.id}&sort=code`).set(ctx.rep), 200);
      expect(sub.data.map((p: { code: string }) => p.code)).toEqual(['P-CRM', 'P-ERP']);
      const active = await ok(http().get(`/api/v1/products?categoryId=${software.id}&active=true`).set(ctx.rep), 200);
      expect(active.data.map((p: { code: string }) => p.code)).toEqual(['P-CRM']);
      const q = await ok(http().get(`/api/v1/products?q=${encodeURIComponent('服务')}`).set(ctx.rep), 200);
      expect(q.data.map((p: { code: string }) => p.code)).toEqual(['P-SRV']);
      const paged = await ok(http().get('/api/v1/products?limit=2&sort=-listPrice').set(ctx.rep), 200);
      expect(paged.data.map((p: { code: string }) => p.code)).toEqual(['P-SRV', 'P-ERP']);
      const next = await ok(http().get(`/api/v1/products?limit=2&sort=-listPrice&cursor=${paged.nextCursor}`).set(ctx.rep), 200);
      expect(next.data.map((p: { code: string }) => p.code)).toEqual(['P-CRM']);

      expect((await http().post('/api/v1/products').set(ctx.rep).send({ code: 'X', name: 'x', listPrice: 1 })).status).toBe(403);
      const bad = await http().post('/api/v1/products').set(admin).send({ code: 'P-X', name: 'x', listPrice: 1.234 });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('listPrice');

      const tmp = await product({ code: 'P-TMP', name: '临时', listPrice: 1 });
      expect((await http().delete(`/api/v1/products/${tmp.id}`).set(admin)).status).toBe(204);
      const again = await product({ code: 'P-TMP', name: '临时 2', listPrice: 2 });
      expect(again.code).toBe('P-TMP');
      const restore = await http().post(`/api/v1/products/${tmp.id}/restore`).set(admin);
      expect(restore.status).toBe(409);
      expect(restore.body.code).toBe('PRODUCT_CODE_TAKEN');
      expect((await http().delete(`/api/v1/product-categories/${software.id}`).set(admin)).status).toBe(409);
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'product' AND entity_id = $1`, [a.id])).toEqual([{ action: 'create' }]);
    });
  });

  describe('price lists', () => {
    it('resolves the most specific matching list, else the list price', async () => {
      const p = await product({ code: 'PL-1', name: '价表产品', listPrice: 100 });
      const vip = await customer(ctx.rep, { name: '价表 A 上海', grade: 'A', province: '上海' });
      const aElsewhere = await customer(ctx.rep, { name: '价表 A 北京', grade: 'A', province: '北京' });
      const plain = await customer(ctx.rep, { name: '价表 C', grade: 'C' });
      await ok(http().post('/api/v1/price-lists').set(admin).send({ name: 'A 类', grades: ['A'], items: [{ productId: p.id, price: 90 }] }));
      await ok(http().post('/api/v1/price-lists').set(admin).send({ name: 'A 类上海', grades: ['A'], provinces: ['上海'], items: [{ productId: p.id, price: 85.5 }] }));
      await ok(http().post('/api/v1/price-lists').set(admin).send({ name: '停用', active: false, items: [{ productId: p.id, price: 1 }] }));
      const resolve = (customerId: string) => ok(http().get(`/api/v1/price-lists/resolve?customerId=${customerId}&productId=${p.id}`).set(ctx.rep), 200);
      expect((await resolve(vip)).price).toBe(85.5);
      expect((await resolve(aElsewhere)).price).toBe(90);
      expect(await resolve(plain)).toEqual({ productId: p.id, price: 100, currency: 'CNY', priceListId: null });
      const westCustomer = await customer(ctx.westRep, { name: '西部客户' });
      expect((await http().get(`/api/v1/price-lists/resolve?customerId=${westCustomer}&productId=${p.id}`).set(ctx.rep)).status).toBe(404);
      const bad = await http().post('/api/v1/price-lists').set(admin).send({ name: 'x', grades: ['E'] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('grades');
    });
  });

  describe('orders', () => {
    it('computes lines and totals on the server, with price-list prices, the customer owner and a generated number', async () => {
      const p = await product({ code: 'O-1', name: '订单产品', listPrice: 1999.99 });
      const c = await customer(ctx.rep, { name: '订单客户一', grade: 'B' });
      await ok(http().post('/api/v1/price-lists').set(admin).send({ name: 'B 类', grades: ['B'], items: [{ productId: p.id, price: 1799.99 }] }));
      const res = await http().post('/api/v1/orders').set(ctx.rep).send({
        customerId: c,
        lines: [
          { productId: p.id, quantity: 3, discountPercent: 10 },
          { description: '实施服务', quantity: 1.5, unitPrice: 0.1 },
          { description: '培训', quantity: 0.3333, unitPrice: 100, discountPercent: 12.5 },
        ],
        // client totals are not even accepted: whitelist validation drops unknown fields
      });
      expect(res.status).toBe(201);
      // 3 × 1799.99 = 5399.97 gross, × 0.9 = 4859.973 → 4859.97; 0.15; 33.33 gross, × 0.875 = 29.16375 → 29.16
      expect(res.body).toMatchObject({ customerId: c, customerName: '订单客户一', ownerId: ctx.repId, departmentId: ctx.east, status: 'placed', currency: 'CNY', subtotal: 5433.45, total: 4889.28, discountTotal: 544.17, version: 1 });
      expect(res.body.number).toMatch(/^SO-\d{8}-\d{6}$/);
      expect(res.body.lines.map((l: { description: string; unitPrice: number; lineTotal: number }) => [l.description, l.unitPrice, l.lineTotal])).toEqual([
        ['订单产品', 1799.99, 4859.97],
        ['实施服务', 0.1, 0.15],
        ['培训', 100, 29.16],
      ]);
      expect(res.body.events).toEqual([expect.objectContaining({ status: 'placed', by: ctx.repId })]);
      const [row] = await ds.query(`SELECT subtotal, discount_total, total, placed_at IS NOT NULL AS placed FROM orders WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ subtotal: '5433.45', discount_total: '544.17', total: '4889.28', placed: true });
      expect(await ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1`, [res.body.id])).toEqual([{ type: 'order.created' }]);

      const missing = await http().post('/api/v1/orders').set(ctx.rep).send({ customerId: c, lines: [{ description: 'x', quantity: 1 }] });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('lines[0].unitPrice');
      const empty = await http().post('/api/v1/orders').set(ctx.rep).send({ customerId: c, lines: [] });
      expect(empty.status).toBe(400);
    });

    it('walks the status timeline with a timestamp per status and refuses other moves with 409', async () => {
      const c = await customer(ctx.rep, { name: '状态客户' });
      const order = await ok(http().post('/api/v1/orders').set(ctx.rep).send({ customerId: c, lines: [{ description: '服务', quantity: 1, unitPrice: 500 }] }));
      const move = (status: string, extra: object = {}) => http().post(`/api/v1/orders/${order.id}/status`).set(ctx.rep).send({ status, ...extra });
      const bad = await move('shipped');
      expect(bad.status).toBe(409);
      expect(bad.body).toMatchObject({ code: 'ORDER_STATUS_TRANSITION', from: 'placed', to: 'shipped' });
      expect((await move('confirmed', { note: '客户已确认', at: new Date(Date.parse(order.placedAt) + 1).toISOString() })).status).toBe(200);
      const paidAt = new Date(Date.parse(order.placedAt) + 2).toISOString();
      expect((await move('paid', { at: '2000-01-01T00:00:00.000Z' })).body.errors[0].field).toBe('at');
      const paid = await move('paid', { at: paidAt });
      expect(paid.body).toMatchObject({ status: 'paid', paidAt });
      expect((await move('cancelled')).status).toBe(409);
      expect((await move('shipped')).status).toBe(200);
      const delivered = await move('delivered');
      expect(delivered.body.events.map((e: { status: string }) => e.status)).toEqual(['placed', 'confirmed', 'paid', 'shipped', 'delivered']);
      expect(delivered.body.events[1].note).toBe('客户已确认');
      expect(delivered.body.confirmedAt).not.toBeNull();
      expect(delivered.body.deliveredAt).not.toBeNull();
      const edit = await http().patch(`/api/v1/orders/${order.id}`).set(ctx.rep).set('If-Match', `"${delivered.body.version}"`).send({ lines: [{ description: 'x', quantity: 1, unitPrice: 1 }] });
      expect(edit.status).toBe(409);
      expect((await http().delete(`/api/v1/orders/${order.id}`).set(ctx.manager)).status).toBe(409);
      expect((await move('returned')).body.status).toBe('returned');
      expect((await move('placed')).status).toBe(409);
    });

    it('edits lines while placed, with If-Match', async () => {
      const c = await customer(ctx.rep, { name: '编辑客户' });
      const order = await ok(http().post('/api/v1/orders').set(ctx.rep).send({ customerId: c, lines: [{ description: 'a', quantity: 2, unitPrice: 10 }] }));
      const res = await http().patch(`/api/v1/orders/${order.id}`).set(ctx.rep).set('If-Match', '"1"').send({ lines: [{ description: 'b', quantity: 3, unitPrice: 10, discountPercent: 50 }], note: '改单' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ subtotal: 30, total: 15, discountTotal: 15, note: '改单', version: 2 });
      expect((await http().patch(`/api/v1/orders/${order.id}`).set(ctx.rep).set('If-Match', '"1"').send({ note: 'x' })).status).toBe(412);
    });

    it('scopes orders like opportunities: other reps get 404, managers see their department, lists filter by customer', async () => {
      const c = await customer(ctx.rep, { name: '范围客户' });
      const order = await ok(http().post('/api/v1/orders').set(ctx.rep).send({ customerId: c, lines: [{ description: 'a', quantity: 1, unitPrice: 1 }] }));
      expect((await http().get(`/api/v1/orders/${order.id}`).set(ctx.westRep)).status).toBe(404);
      expect((await http().post(`/api/v1/orders/${order.id}/status`).set(ctx.westRep).send({ status: 'confirmed' })).status).toBe(404);
      expect((await http().get(`/api/v1/orders/${order.id}`).set(ctx.manager)).status).toBe(200);
      const list = await ok(http().get(`/api/v1/orders?customerId=${c}`).set(ctx.manager), 200);
      expect(list.data.map((o: { id: string }) => o.id)).toEqual([order.id]);
      expect((await ok(http().get(`/api/v1/orders?customerId=${c}`).set(ctx.westRep), 200)).data).toEqual([]);
      const westOrder = await http().post('/api/v1/orders').set(ctx.westRep).send({ customerId: c, lines: [{ description: 'a', quantity: 1, unitPrice: 1 }] });
      expect(westOrder.status).toBe(400);
      expect(westOrder.body.errors[0].field).toBe('customerId');
      const may = await ok(http().post('/api/v1/orders').set(ctx.rep).send({ customerId: c, placedAt: '2026-05-01T00:30:00+08:00', lines: [{ description: 'a', quantity: 1, unitPrice: 1 }] }));
      const placed = (query: string) => ok(http().get(`/api/v1/orders?customerId=${c}&${query}`).set(ctx.rep), 200).then((p) => p.data.map((o: { id: string }) => o.id));
      // Days are Shanghai days: 00:30 on 1 May in Shanghai is still 30 April in UTC.
      expect(await placed('placedFrom=2026-05-01&placedTo=2026-05-01')).toEqual([may.id]);
      expect(await placed('placedFrom=2026-04-30&placedTo=2026-04-30')).toEqual([]);
      const status = await ok(http().get(`/api/v1/orders?status=placed&placedFrom=2000-01-01&placedTo=2100-01-01&sort=-total&count=true`).set(ctx.rep), 200);
      expect(status.total).toBeGreaterThan(0);
    });

    it('upserts ERP orders idempotently by source and externalId', async () => {
      const c = await customer(ctx.rep, { name: 'ERP 客户' });
      const body = { customerId: c, number: 'ERP-0001', status: 'paid', paidAt: '2030-03-01T00:00:00.000Z', lines: [{ description: '整机', quantity: 2, unitPrice: 99.99 }] };
      const first = await http().put('/api/v1/orders/by-external/sap/4711').set(ctx.rep).send(body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ number: 'ERP-0001', externalSource: 'sap', externalId: '4711', status: 'paid', paidAt: '2030-03-01T00:00:00.000Z', total: 199.98 });
      const second = await http().put('/api/v1/orders/by-external/sap/4711').set(ctx.rep).send(body);
      expect(second.status).toBe(200);
      expect(second.body.version).toBe(first.body.version);
      expect(second.body.id).toBe(first.body.id);
      const changed = await http().put('/api/v1/orders/by-external/sap/4711').set(ctx.rep).send({ ...body, status: 'delivered', lines: [{ description: '整机', quantity: 3, unitPrice: 99.99 }] });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ status: 'delivered', total: 299.97 });
      expect(await ds.query(`SELECT count(*)::int AS n FROM orders WHERE external_source = 'sap' AND external_id = '4711'`)).toEqual([{ n: 1 }]);
      const racing = await Promise.all([1, 2, 3].map(() => http().put('/api/v1/orders/by-external/sap/race').set(ctx.rep).send({ ...body, number: undefined })));
      expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      expect((await http().put('/api/v1/orders/by-external/sap/4711').set(ctx.westRep).send({ ...body, customerId: await customer(ctx.westRep, { name: 'W' }) })).status).toBe(404);
    });

    it('creates an order from a won opportunity only, copying its line items, once', async () => {
      const p = await product({ code: 'OPP-P', name: '商机产品', listPrice: 10 });
      const c = await customer(ctx.rep, { name: '商机客户' });
      const opp = await ok(http().post('/api/v1/opportunities').set(ctx.rep).send({ customerId: c, name: '大单', lineItems: [{ productName: '商机产品', productCode: 'OPP-P', quantity: 2, unitPrice: 8, discountPercent: 25 }] }));
      const notWon = await http().post(`/api/v1/opportunities/${opp.id}/order`).set(ctx.rep);
      expect(notWon.status).toBe(409);
      expect(notWon.body.code).toBe('OPPORTUNITY_NOT_WON');
      const won = stages.find((s) => s.kind === 'won') as { id: string };
      await ok(http().post(`/api/v1/opportunities/${opp.id}/stage`).set(ctx.rep).set('If-Match', `"${opp.version}"`).send({ stageId: won.id }), 200);
      const order = await ok(http().post(`/api/v1/opportunities/${opp.id}/order`).set(ctx.rep));
      expect(order).toMatchObject({ opportunityId: opp.id, customerId: c, ownerId: ctx.repId, total: 12, subtotal: 16 });
      expect(order.lines[0]).toMatchObject({ productId: p.id, description: '商机产品', quantity: 2, unitPrice: 8, discountPercent: 25, lineTotal: 12 });
      const twice = await http().post(`/api/v1/opportunities/${opp.id}/order`).set(ctx.rep);
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'ALREADY_EXISTS', orderId: order.id });
      expect((await http().post(`/api/v1/opportunities/${opp.id}/order`).set(ctx.westRep)).status).toBe(404);
    });

    it('moves orders to the winner when customers merge', async () => {
      const winner = await customer(ctx.manager, { name: '合并赢家' });
      const loser = await customer(ctx.manager, { name: '合并输家' });
      const order = await ok(http().post('/api/v1/orders').set(ctx.manager).send({ customerId: loser, lines: [{ description: 'a', quantity: 1, unitPrice: 1 }] }));
      await ok(http().post(`/api/v1/customers/${winner}/merge`).set(ctx.manager).set('If-Match', '"1"').send({ loserIds: [loser] }), 200);
      expect((await ok(http().get(`/api/v1/orders/${order.id}`).set(ctx.manager), 200)).customerId).toBe(winner);
    });
  });

  describe('grading', () => {
    it('grades by rules when an order is paid, by the recompute job, and leaves overrides alone', async () => {
      const etag = (await http().get('/api/v1/grading-rules').set(ctx.rep)).headers.etag;
      const put = await http().put('/api/v1/grading-rules').set(admin).set('If-Match', etag).send({
        labels: { A: '重点客户', B: '普通客户', C: '一般客户', D: '低价值' },
        defaultGrade: 'D',
        rules: [
          { name: '大客户', grade: 'A', conditions: [{ type: 'revenue', months: 12, min: 10000 }] },
          { name: '制造业', grade: 'B', conditions: [{ type: 'industry', values: ['制造业'] }] },
          { name: '有商机', grade: 'C', conditions: [{ type: 'openPipeline', min: 1 }] },
        ],
      });
      expect(put.status).toBe(200);
      expect(put.body.rules.map((r: { grade: string }) => r.grade)).toEqual(['A', 'B', 'C']);
      const missing = await http().put('/api/v1/grading-rules').set(admin).set('If-Match', `"${put.body.version}"`).send({ labels: put.body.labels, rules: [{ name: 'x', grade: 'A', conditions: [{ type: 'revenue', min: 1 }] }] });
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('rules[0].conditions[0].months');

      const big = await customer(ctx.rep, { name: '分级大客户', industry: '制造业' });
      const order = await ok(http().post('/api/v1/orders').set(ctx.rep).send({ customerId: big, lines: [{ description: 'x', quantity: 1, unitPrice: 10000 }] }));
      await ok(http().post(`/api/v1/orders/${order.id}/status`).set(ctx.rep).send({ status: 'paid' }), 200);
      const grade = async (id: string) => (await ds.query(`SELECT grade FROM customers WHERE id = $1`, [id]))[0].grade;
      expect(await grade(big)).toBe('A');
      await ok(http().post(`/api/v1/orders/${order.id}/status`).set(ctx.rep).send({ status: 'returned' }), 200);
      expect(await grade(big)).toBe('B');

      const other = await customer(ctx.rep, { name: '分级其他' });
      const locked = await customer(ctx.rep, { name: '分级锁定' });
      expect((await http().post(`/api/v1/customers/${locked}/grade`).set(ctx.rep).send({ grade: 'A', reason: 'x' })).status).toBe(403);
      const ov = await ok(http().post(`/api/v1/customers/${locked}/grade`).set(ctx.manager).send({ grade: 'A', reason: '集团战略客户' }), 200);
      expect(ov).toMatchObject({ grade: 'A', gradeReason: '集团战略客户' });
      expect((await http().post('/api/v1/grading-rules/recompute').set(ctx.manager)).status).toBe(403);
      const run = await ok(http().post('/api/v1/grading-rules/recompute').set(admin), 200);
      expect(run.changed).toBeGreaterThan(0);
      expect(await grade(other)).toBe('D');
      expect(await grade(locked)).toBe('A');
      expect(await ds.query(`SELECT changes FROM audit_events WHERE entity_type = 'customer' AND entity_id = $1 AND action = 'grade'`, [other])).toEqual([{ changes: { grade: { before: null, after: 'D' } } }]);
      await ok(http().post(`/api/v1/customers/${locked}/grade`).set(ctx.manager).send({ grade: null, reason: '取消' }), 200);
      expect(await grade(locked)).toBe('D');

      // Revenue counts for 12 months after payment: the nightly job moves the grade once the window has passed.
      const recent = await customer(ctx.rep, { name: '分级窗口' });
      const paid = await ok(http().post('/api/v1/orders').set(ctx.rep).send({ customerId: recent, lines: [{ description: 'x', quantity: 1, unitPrice: 20000 }] }));
      await ok(http().post(`/api/v1/orders/${paid.id}/status`).set(ctx.rep).send({ status: 'paid' }), 200);
      expect(await grade(recent)).toBe('A');
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 366 * 86_400_000));
      try {
        await t.app.get(JobsService).runNow(GRADING_JOB, {});
        expect(await grade(recent)).toBe('D');
      } finally {
        clock.mockRestore();
      }
    });

    it('recomputes a rule set without revenue or order-count rules (industry only)', async () => {
      const etag = (await http().get('/api/v1/grading-rules').set(admin)).headers.etag;
      await ok(http().put('/api/v1/grading-rules').set(admin).set('If-Match', etag).send({
        labels: { A: '重点客户', B: '普通客户', C: '一般客户', D: '低价值' },
        rules: [{ name: '船舶', grade: 'A', conditions: [{ type: 'industry', values: ['船舶制造'] }] }],
      }), 200);
      const ship = await customer(ctx.rep, { name: '分级船舶', industry: '船舶制造' });
      const run = await ok(http().post('/api/v1/grading-rules/recompute').set(admin), 200);
      expect(run.changed).toBeGreaterThanOrEqual(1);
      expect((await ds.query(`SELECT grade FROM customers WHERE id = $1`, [ship]))[0].grade).toBe('A');
    });
  });
});
