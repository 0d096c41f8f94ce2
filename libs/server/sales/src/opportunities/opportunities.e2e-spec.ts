/**
 * Opportunities (商机) and pipelines through HTTP on real PostgreSQL: amounts from line
 * items, stage moves with history and won/lost rules, optimistic concurrency of the
 * kanban drag, the board's aggregates per stage and scope, pipeline rules, validation,
 * data scope, recycle bin and the customer-merge mover.
 */
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootSalesApp } from '../../test/sales-test-kit';

const PASSWORD = 'Rep-pass-12345';
type Auth = Record<string, string>;
interface Stage {
  id: string;
  name: string;
  probability: number;
  kind: string;
}

describe('opportunities and pipelines', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  const ctx = {} as { east: string; west: string; rep: Auth; repId: string; mate: Auth; mateId: string; manager: Auth; managerId: string; westRep: Auth; westRepId: string };
  let pipelineId: string;
  let stages: Stage[];
  const stage = (name: string) => stages.find((s) => s.name.includes(name)) as Stage;

  const api = (auth: Auth) => ({
    create: (body: object) => t.http().post('/api/v1/opportunities').set(auth).send(body),
    list: (query = '') => t.http().get(`/api/v1/opportunities${query}`).set(auth),
    get: (id: string) => t.http().get(`/api/v1/opportunities/${id}`).set(auth),
    patch: (id: string, version: number, body: object) => t.http().patch(`/api/v1/opportunities/${id}`).set(auth).set('If-Match', `"${version}"`).send(body),
    move: (id: string, version: number, body: object) => t.http().post(`/api/v1/opportunities/${id}/stage`).set(auth).set('If-Match', `"${version}"`).send(body),
    remove: (id: string) => t.http().delete(`/api/v1/opportunities/${id}`).set(auth),
    restore: (id: string) => t.http().post(`/api/v1/opportunities/${id}/restore`).set(auth),
    history: (id: string) => t.http().get(`/api/v1/opportunities/${id}/history`).set(auth),
    board: (pid: string, query = '') => t.http().get(`/api/v1/pipelines/${pid}/board${query}`).set(auth),
    pipelines: () => t.http().get('/api/v1/pipelines').set(auth),
    createPipeline: (body: object) => t.http().post('/api/v1/pipelines').set(auth).send(body),
    getPipeline: (id: string) => t.http().get(`/api/v1/pipelines/${id}`).set(auth),
    patchPipeline: (id: string, version: number, body: object) => t.http().patch(`/api/v1/pipelines/${id}`).set(auth).set('If-Match', `"${version}"`).send(body),
  });
  const customer = async (auth: Auth, name: string): Promise<string> => {
    const res = await t.http().post('/api/v1/customers?allowDuplicate=true').set(auth).send({ name });
    if (res.status !== 201) throw new Error(`customer ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const opportunity = async (auth: Auth, body: object) => {
    const res = await api(auth).create(body);
    if (res.status !== 201) throw new Error(`opportunity ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await bootSalesApp();
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    const post = async (url: string, body: object) => {
      const res = await t.http().post(url).set(admin).send(body);
      if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    ctx.east = (await post('/api/v1/departments', { name: '华东' })).id;
    ctx.west = (await post('/api/v1/departments', { name: '西部' })).id;
    const user = async (email: string, roles: string[], departmentId: string) => {
      const u = await post('/api/v1/users', { email, name: email.split('@')[0], roles, password: PASSWORD, departmentId });
      return { id: u.id as string, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
    };
    const rep = await user('rep@kehu.test', ['sales_rep'], ctx.east);
    const mate = await user('mate@kehu.test', ['sales_rep'], ctx.east);
    const manager = await user('manager@kehu.test', ['sales_manager'], ctx.east);
    const westRep = await user('west@kehu.test', ['sales_rep'], ctx.west);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, mate: mate.auth, mateId: mate.id, manager: manager.auth, managerId: manager.id, westRep: westRep.auth, westRepId: westRep.id });
    const list = (await api(ctx.rep).pipelines()).body.data;
    const def = list.find((p: { isDefault: boolean }) => p.isDefault);
    pipelineId = def.id;
    stages = def.stages;
  });
  afterAll(() => t?.close());

  describe('the seeded default pipeline', () => {
    it('has six stages in order with probabilities and kinds', async () => {
      const res = await api(ctx.rep).getPipeline(pipelineId);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({ name: '销售漏斗 Default', isDefault: true, active: true });
      expect(res.body.stages.map((s: Stage) => [s.name, s.probability, s.kind])).toEqual([
        ['初步接洽 Qualification', 10, 'open'],
        ['需求确认 Needs analysis', 30, 'open'],
        ['方案报价 Proposal', 60, 'open'],
        ['谈判 Negotiation', 80, 'open'],
        ['赢单 Won', 100, 'won'],
        ['输单 Lost', 0, 'lost'],
      ]);
    });
  });

  describe('create and update', () => {
    it('stores an opportunity owned by the caller with line items, the amount computed, history, audit and outbox', async () => {
      const customerId = await customer(ctx.rep, '上海商机测试有限公司');
      const res = await api(ctx.rep).create({
        customerId,
        name: ' CRM 项目 ',
        expectedCloseDate: '2030-06-30',
        competitor: '某竞品',
        lineItems: [
          { productName: 'CRM 订阅', productCode: 'CRM-1', quantity: 3, unitPrice: 1999.99, discountPercent: 10 },
          { productName: '实施服务', quantity: 1.5, unitPrice: 0.1 },
          { productName: '培训', quantity: 0.3333, unitPrice: 100, discountPercent: 12.5 },
        ],
      });
      expect(res.status).toBe(201);
      // 3 × 1999.99 × 0.9 = 5399.973 → 5399.97; 1.5 × 0.1 = 0.15; 0.3333 × 100 × 0.875 = 29.16375 → 29.16
      expect(res.body).toMatchObject({
        name: 'CRM 项目',
        customerId,
        pipelineId,
        stageId: stage('Qualification').id,
        status: 'open',
        amount: 5429.28,
        currency: 'CNY',
        probability: 10,
        probabilityOverride: null,
        ownerId: ctx.repId,
        departmentId: ctx.east,
        createdBy: ctx.repId,
        expectedCloseDate: '2030-06-30',
        version: 1,
      });
      expect(res.body.lineItems.map((l: { lineTotal: number }) => l.lineTotal)).toEqual([5399.97, 0.15, 29.16]);
      const [row] = await ds.query(`SELECT amount, owner_id, department_id, status, custom_fields FROM opportunities WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ amount: '5429.28', owner_id: ctx.repId, department_id: ctx.east, status: 'open', custom_fields: {} });
      const lines = await ds.query(`SELECT position, product_name, quantity, unit_price, discount_percent, line_total, customer_id FROM opportunity_line_items WHERE opportunity_id = $1 ORDER BY position`, [res.body.id]);
      expect(lines[0]).toEqual({ position: 0, product_name: 'CRM 订阅', quantity: '3.0000', unit_price: '1999.99', discount_percent: '10.00', line_total: '5399.97', customer_id: customerId });
      expect(lines).toHaveLength(3);
      expect(await ds.query(`SELECT stage_id, left_at, moved_by FROM opportunity_stage_history WHERE opportunity_id = $1`, [res.body.id])).toEqual([{ stage_id: stage('Qualification').id, left_at: null, moved_by: ctx.repId }]);
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'opportunity' AND entity_id = $1`, [res.body.id])).toEqual([{ action: 'create' }]);
      expect(await ds.query(`SELECT type, payload->>'customerId' AS customer FROM outbox_events WHERE aggregate_id = $1`, [res.body.id])).toEqual([{ type: 'opportunity.created', customer: customerId }]);

      const got = await api(ctx.rep).get(res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual(res.body);

      // Replacing the line items recomputes the amount; amount alone is refused while there are lines.
      const replaced = await api(ctx.rep).patch(res.body.id, 1, { lineItems: [{ productName: '年度订阅', quantity: 2, unitPrice: 50000, discountPercent: 5 }], nextStep: '下周演示' });
      expect(replaced.status).toBe(200);
      expect(replaced.headers.etag).toBe('"2"');
      expect(replaced.body).toMatchObject({ amount: 95000, nextStep: '下周演示', version: 2 });
      expect((await ds.query(`SELECT count(*)::int AS n FROM opportunity_line_items WHERE opportunity_id = $1`, [res.body.id]))[0].n).toBe(1);
      const amountOnly = await api(ctx.rep).patch(res.body.id, 2, { amount: 1 });
      expect(amountOnly.status).toBe(400);
      expect(amountOnly.body.errors[0]).toMatchObject({ field: 'amount', rule: 'computedFromLineItems' });
      const cleared = await api(ctx.rep).patch(res.body.id, 2, { lineItems: [], amount: 1234.5 });
      expect(cleared.body).toMatchObject({ amount: 1234.5, lineItems: [] });
      const [audit] = await ds.query(`SELECT changes FROM audit_events WHERE action = 'update' AND entity_id = $1 ORDER BY id LIMIT 1`, [res.body.id]);
      expect(audit.changes.amount).toEqual({ before: 5429.28, after: 95000 });
      expect(audit.changes.nextStep).toEqual({ before: null, after: '下周演示' });
    });

    it('refuses amount together with line items, naming amount', async () => {
      const customerId = await customer(ctx.rep, '金额冲突有限公司');
      const res = await api(ctx.rep).create({ customerId, name: 'x', amount: 10, lineItems: [{ productName: 'a', quantity: 1, unitPrice: 1 }] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'amount', rule: 'computedFromLineItems' });
    });

    it('takes another owner only from a manager, within the department', async () => {
      const customerId = await customer(ctx.manager, '分配商机有限公司');
      const denied = await api(ctx.rep).create({ customerId: await customer(ctx.rep, '代建商机有限公司'), name: 'for mate', ownerId: ctx.mateId });
      expect(denied.status).toBe(403);
      const forMate = await api(ctx.manager).create({ customerId, name: 'for mate', ownerId: ctx.mateId, amount: 100 });
      expect(forMate.status).toBe(201);
      expect(forMate.body).toMatchObject({ ownerId: ctx.mateId, departmentId: ctx.east, createdBy: ctx.managerId });
      const west = await api(ctx.manager).create({ customerId, name: 'for west', ownerId: ctx.westRepId });
      expect(west.status).toBe(400);
      expect(west.body.errors[0]).toMatchObject({ field: 'ownerId', rule: 'inScope' });
    });

    it('validates custom fields of entity type opportunity', async () => {
      const def = await t.http().post('/api/v1/custom-fields').set(admin).send({ entityType: 'opportunity', key: 'deal_source', label: '来源', type: 'single_select', options: ['展会', '转介绍'] });
      expect(def.status).toBe(201);
      const customerId = await customer(ctx.rep, '自定义字段商机有限公司');
      const bad = await api(ctx.rep).create({ customerId, name: 'cf', customFields: { deal_source: '电话' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('customFields.deal_source');
      const ok = await api(ctx.rep).create({ customerId, name: 'cf', customFields: { deal_source: '展会' } });
      expect(ok.body.customFields).toEqual({ deal_source: '展会' });
    });
  });

  describe('validation', () => {
    let customerId: string;
    beforeAll(async () => {
      customerId = await customer(ctx.rep, '商机校验有限公司');
    });
    const error = async (body: object) => {
      const res = await api(ctx.rep).create({ customerId, name: 'x', ...body });
      expect(res.status).toBe(400);
      return res.body.errors[0];
    };

    it('refuses bad input with the field named, and writes nothing', async () => {
      expect(await error({ status: 'won' })).toMatchObject({ field: 'status', rule: 'whitelistValidation' });
      expect(await error({ name: 'x'.repeat(201) })).toMatchObject({ field: 'name', rule: 'maxLength' });
      expect(await error({ lineItems: [{ productName: 'a', quantity: -1, unitPrice: 1 }] })).toMatchObject({ field: 'lineItems.0.quantity', rule: 'min' });
      expect(await error({ lineItems: [{ productName: 'a', quantity: 1, unitPrice: 1, discountPercent: 101 }] })).toMatchObject({ field: 'lineItems.0.discountPercent', rule: 'max' });
      expect(await error({ lineItems: [{ productName: 'a', quantity: 1, unitPrice: 1.234 }] })).toMatchObject({ field: 'lineItems.0.unitPrice', rule: 'isNumber' });
      expect(await error({ lineItems: Array.from({ length: 101 }, () => ({ productName: 'a', quantity: 1, unitPrice: 1 })) })).toMatchObject({ field: 'lineItems', rule: 'arrayMaxSize' });
      expect(await error({ lineItems: [{ productName: 'a', quantity: 1_000_000_000, unitPrice: 999_999_999 }] })).toMatchObject({ field: 'lineItems', rule: 'amountMax' });
      expect(await error({ currency: 'cny' })).toMatchObject({ field: 'currency', rule: 'matches' });
      expect(await error({ currency: 'XYZ' })).toMatchObject({ field: 'currency', rule: 'iso4217' });
      expect(await error({ amount: -5 })).toMatchObject({ field: 'amount', rule: 'min' });
      expect(await error({ probability: 101 })).toMatchObject({ field: 'probability', rule: 'max' });
      expect(await error({ expectedCloseDate: '2030-13-01' })).toMatchObject({ field: 'expectedCloseDate' });
      expect(await error({ stageId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ field: 'stageId', rule: 'inPipeline' });
      expect(await error({ pipelineId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ field: 'pipelineId', rule: 'exists' });
      expect(await error({ stageId: stage('Lost').id })).toMatchObject({ field: 'lostReason', rule: 'required' });
      expect(await error({ stageId: stage('Proposal').id, lostReason: 'no' })).toMatchObject({ field: 'lostReason', rule: 'onlyWhenLost' });
      expect((await ds.query(`SELECT count(*)::int AS n FROM opportunities WHERE customer_id = $1`, [customerId]))[0].n).toBe(0);
    });

    it("refuses a customer outside the caller's scope and a contact of another customer", async () => {
      const westCustomer = await customer(ctx.westRep, '成都商机有限公司');
      expect((await error({ customerId: westCustomer })).field).toBe('customerId');
      const other = await customer(ctx.rep, '另一家商机有限公司');
      const contact = (await t.http().post('/api/v1/contacts').set(ctx.rep).send({ customerId: other, name: '王五' })).body;
      expect(await error({ contactId: contact.id })).toMatchObject({ field: 'contactId', rule: 'belongsToCustomer' });
    });
  });

  describe('stage moves', () => {
    it('closes the open history row and opens the next in the same transaction; won and lost set status and times', async () => {
      const customerId = await customer(ctx.rep, '推进阶段有限公司');
      const o = await opportunity(ctx.rep, { customerId, name: '阶段推进', amount: 1000, probability: 25 });
      expect(o.probability).toBe(25);
      const moved = await api(ctx.rep).move(o.id, 1, { stageId: stage('Proposal').id });
      expect(moved.status).toBe(200);
      expect(moved.headers.etag).toBe('"2"');
      expect(moved.body).toMatchObject({ stageId: stage('Proposal').id, status: 'open', probability: 60, probabilityOverride: null, version: 2 });
      const history = await ds.query(`SELECT stage_id, left_at IS NOT NULL AS closed FROM opportunity_stage_history WHERE opportunity_id = $1 ORDER BY entered_at`, [o.id]);
      expect(history).toEqual([
        { stage_id: stage('Qualification').id, closed: true },
        { stage_id: stage('Proposal').id, closed: false },
      ]);

      const noReason = await api(ctx.rep).move(o.id, 2, { stageId: stage('Lost').id });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0]).toMatchObject({ field: 'lostReason', rule: 'required' });
      const lost = await api(ctx.rep).move(o.id, 2, { stageId: stage('Lost').id, lostReason: '价格高于竞品' });
      expect(lost.body).toMatchObject({ status: 'lost', lostReason: '价格高于竞品', probability: 0, wonAt: null });
      expect(lost.body.lostAt).toEqual(expect.any(String));
      const won = await api(ctx.rep).move(o.id, 3, { stageId: stage('Won').id });
      expect(won.body).toMatchObject({ status: 'won', lostReason: null, lostAt: null, probability: 100 });
      const [row] = await ds.query(`SELECT status, won_at IS NOT NULL AS won, lost_reason FROM opportunities WHERE id = $1`, [o.id]);
      expect(row).toEqual({ status: 'won', won: true, lost_reason: null });
      expect((await ds.query(`SELECT count(*)::int AS n FROM opportunity_stage_history WHERE opportunity_id = $1 AND left_at IS NULL`, [o.id]))[0].n).toBe(1);
      expect(await ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [o.id])).toEqual(
        ['opportunity.created', 'opportunity.stage_changed', 'opportunity.stage_changed', 'opportunity.lost', 'opportunity.stage_changed', 'opportunity.won'].map((type) => ({ type })),
      );

      const hist = await api(ctx.rep).history(o.id);
      expect(hist.status).toBe(200);
      expect(hist.body.stages.map((s: { stageName: string; leftAt: string | null }) => [s.stageName, s.leftAt === null])).toEqual([
        ['初步接洽 Qualification', false],
        ['方案报价 Proposal', false],
        ['输单 Lost', false],
        ['赢单 Won', true],
      ]);
      expect(hist.body.events.map((e: { action: string }) => e.action)).toEqual(['move_stage', 'move_stage', 'move_stage', 'create']);
      expect(hist.body.events[0].changes.status).toEqual({ before: 'lost', after: 'won' });
    });

    it('refuses a stage of another pipeline, naming stageId', async () => {
      const other = await api(admin).createPipeline({ name: '续约漏斗', stages: [{ name: '续约中', probability: 50, kind: 'open' }, { name: '续约成功', probability: 100, kind: 'won' }, { name: '流失', probability: 0, kind: 'lost' }] });
      expect(other.status).toBe(201);
      const o = await opportunity(ctx.rep, { customerId: await customer(ctx.rep, '跨漏斗有限公司'), name: '跨漏斗' });
      const res = await api(ctx.rep).move(o.id, 1, { stageId: other.body.stages[0].id });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'stageId', rule: 'inPipeline' });
    });

    it('lets one of two concurrent drags with the same version win; the other gets 412 and writes nothing', async () => {
      const o = await opportunity(ctx.rep, { customerId: await customer(ctx.rep, '并发拖拽有限公司'), name: '并发' });
      const results = await Promise.all([api(ctx.rep).move(o.id, 1, { stageId: stage('Proposal').id }), api(ctx.rep).move(o.id, 1, { stageId: stage('Negotiation').id })]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = results.find((r) => r.status === 200)!;
      const [row] = await ds.query(`SELECT stage_id, version FROM opportunities WHERE id = $1`, [o.id]);
      expect(row).toEqual({ stage_id: winner.body.stageId, version: 2 });
      expect((await ds.query(`SELECT count(*)::int AS n FROM opportunity_stage_history WHERE opportunity_id = $1`, [o.id]))[0].n).toBe(2);
      expect((await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'move_stage' AND entity_id = $1`, [o.id]))[0].n).toBe(1);
      // Needs If-Match at all.
      expect((await t.http().post(`/api/v1/opportunities/${o.id}/stage`).set(ctx.rep).send({ stageId: stage('Won').id })).status).toBe(428);
    });
  });

  describe('the board', () => {
    let board: { id: string; stages: Stage[] };
    const col = (body: { columns: { stage: Stage; count: number; totalAmount: number; weightedAmount: number; cards: { id: string }[]; nextCursor: string | null }[] }, kind: string) =>
      body.columns.find((c) => c.stage.name === kind)!;
    const ids = {} as Record<string, string[]>;

    beforeAll(async () => {
      const res = await api(admin).createPipeline({
        name: '看板测试',
        stages: [{ name: 'A', probability: 20, kind: 'open' }, { name: 'B', probability: 50, kind: 'open' }, { name: 'W', probability: 100, kind: 'won' }, { name: 'L', probability: 0, kind: 'lost' }],
      });
      board = res.body;
      const s = (n: string) => board.stages.find((x) => x.name === n)!.id;
      const make = async (auth: Auth, customerName: string, stageName: string, amount: number, extra: object = {}) => {
        const o = await opportunity(auth, { customerId: await customer(auth, customerName), name: `${customerName} deal`, pipelineId: board.id, stageId: s(stageName), amount, ...extra });
        (ids[stageName] ??= []).push(o.id);
        return o;
      };
      await make(ctx.rep, 'A1 rep', 'A', 100);
      await make(ctx.rep, 'A2 rep', 'A', 200.5);
      await make(ctx.rep, 'A3 rep', 'A', 300, { probability: 90 });
      await make(ctx.mate, 'A4 mate', 'A', 1000);
      await make(ctx.mate, 'B1 mate', 'B', 400);
      await make(ctx.westRep, 'A5 west', 'A', 99_999);
      await make(ctx.westRep, 'B2 west', 'B', 88_888);
      const gone = await make(ctx.rep, 'A6 deleted', 'A', 5000);
      await api(ctx.manager).remove(gone.id);
    });

    it("aggregates count, total and weighted amount per stage over the caller's scope only", async () => {
      const rep = await api(ctx.rep).board(board.id);
      expect(rep.status).toBe(200);
      expect(rep.body.pipeline.id).toBe(board.id);
      expect(rep.body.columns.map((c: { stage: Stage }) => c.stage.name)).toEqual(['A', 'B', 'W', 'L']);
      // rep: 100 × 20% + 200.5 × 20% + 300 × 90% (override) = 20 + 40.1 + 270
      expect(col(rep.body, 'A')).toMatchObject({ count: 3, totalAmount: 600.5, weightedAmount: 330.1, nextCursor: null });
      expect(col(rep.body, 'B')).toMatchObject({ count: 0, totalAmount: 0, weightedAmount: 0, cards: [] });

      const manager = await api(ctx.manager).board(board.id);
      expect(col(manager.body, 'A')).toMatchObject({ count: 4, totalAmount: 1600.5, weightedAmount: 530.1 });
      expect(col(manager.body, 'B')).toMatchObject({ count: 1, totalAmount: 400, weightedAmount: 200 });
      const seen = manager.body.columns.flatMap((c: { cards: { customerName: string }[] }) => c.cards.map((card) => card.customerName));
      expect(seen.sort()).toEqual(['A1 rep', 'A2 rep', 'A3 rep', 'A4 mate', 'B1 mate']);

      const mine = await api(ctx.manager).board(board.id, `?ownerId=${ctx.mateId}`);
      expect(col(mine.body, 'A')).toMatchObject({ count: 1, totalAmount: 1000 });
      const west = await api(ctx.westRep).board(board.id);
      expect(col(west.body, 'A')).toMatchObject({ count: 1, totalAmount: 99_999 });
      expect(col(west.body, 'B').cards.map((c) => c.id)).toEqual(ids.B.slice(-1));
    });

    it('returns the first N cards per stage, most recently updated first, and a cursor that continues in the list', async () => {
      const res = await api(ctx.manager).board(board.id, '?limitPerStage=2');
      const a = col(res.body, 'A');
      expect(a.count).toBe(4);
      expect(a.cards).toHaveLength(2);
      expect(a.cards[0]).toMatchObject({ customerName: 'A4 mate', amount: 1000, probability: 20, status: 'open', version: 1 });
      expect(a.nextCursor).toEqual(expect.any(String));
      const rest = await api(ctx.manager).list(`?pipelineId=${board.id}&stageId=${a.stage.id}&sort=-updatedAt&cursor=${a.nextCursor}`);
      expect(rest.status).toBe(200);
      const all = (await api(ctx.manager).list(`?pipelineId=${board.id}&stageId=${a.stage.id}&sort=-updatedAt`)).body.data.map((o: { id: string }) => o.id);
      expect([...a.cards.map((c) => c.id), ...rest.body.data.map((o: { id: string }) => o.id)]).toEqual(all);
      expect(col(res.body, 'B').nextCursor).toBeNull();
      expect((await api(ctx.manager).board(board.id, '?limitPerStage=101')).body.errors[0].field).toBe('limitPerStage');
    });

    it('gives a team-scoped caller the same cards as ranking would: newest first across the team, N per stage, a cursor that continues', async () => {
      // A team lead whose scope is the team (rep + mate): the board merges per-owner index walks.
      const role = await t.http().post('/api/v1/roles').set(admin).send({ key: 'board_team_lead', name: 'Team lead', permissions: { 'sales.opportunity.read': 'team', 'sales.customer.read': 'team' } });
      expect(role.status).toBe(201);
      const lead = await t.http().post('/api/v1/users').set(admin).send({ email: 'lead@kehu.test', name: 'lead', roles: ['board_team_lead'], password: PASSWORD, departmentId: ctx.east });
      expect((await t.http().post('/api/v1/teams').set(admin).send({ name: 'Board team', departmentId: ctx.east, memberIds: [lead.body.id, ctx.repId, ctx.mateId] })).status).toBe(201);
      const auth = { Authorization: `Bearer ${await t.login('lead@kehu.test', PASSWORD)}` };
      const a = col((await api(auth).board(board.id, '?limitPerStage=2')).body, 'A');
      const all = (await api(auth).list(`?pipelineId=${board.id}&stageId=${a.stage.id}&sort=-updatedAt`)).body.data.map((o: { id: string }) => o.id);
      expect(all).toHaveLength(4); // A1–A3 of the rep, A4 of the mate; not the west rep's, not the deleted one
      expect(a.count).toBe(4);
      expect(a.cards.map((c) => c.id)).toEqual(all.slice(0, 2));
      const rest = await api(auth).list(`?pipelineId=${board.id}&stageId=${a.stage.id}&sort=-updatedAt&cursor=${a.nextCursor}`);
      expect([...a.cards.map((c) => c.id), ...rest.body.data.map((o: { id: string }) => o.id)]).toEqual(all);
      const b = col((await api(auth).board(board.id)).body, 'B');
      expect(b.cards).toEqual([expect.objectContaining({ customerName: 'B1 mate', amount: 400, probability: 50, status: 'open' })]);
      expect(col((await api(auth).board(board.id, `?ownerId=${ctx.mateId}`)).body, 'A').cards.map((c) => c.id)).toEqual([ids.A[3]]);
    });

    it('runs a fixed number of statements whatever the stages: totals, ranked card ids (one window function), cards by id', async () => {
      const logged: string[] = [];
      const original = ds.driver.createQueryRunner.bind(ds.driver);
      const spy = jest.spyOn(ds.driver, 'createQueryRunner').mockImplementation((mode) => {
        const qr = original(mode);
        const query = qr.query.bind(qr);
        qr.query = ((sql: string, ...rest: unknown[]) => {
          if (/opportunities/.test(sql)) logged.push(sql);
          return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
        }) as typeof qr.query;
        return qr;
      });
      try {
        await api(ctx.manager).board(board.id);
      } finally {
        spy.mockRestore();
      }
      expect(logged).toHaveLength(3);
      expect(logged.filter((s) => s.includes('GROUP BY'))).toHaveLength(1);
      expect(logged.filter((s) => s.includes('row_number() OVER (PARTITION BY'))).toHaveLength(1);
    });
  });

  describe('list', () => {
    it('filters and sorts with keyset paging', async () => {
      const customerId = await customer(ctx.mate, '列表商机有限公司');
      const made = [];
      for (const [i, amount] of [500, 100, 300].entries()) made.push(await opportunity(ctx.mate, { customerId, name: `列表 ${i}`, amount, expectedCloseDate: `2031-0${i + 1}-15` }));
      const byAmount = (await api(ctx.mate).list(`?customerId=${customerId}&sort=-amount`)).body.data.map((o: { amount: number }) => o.amount);
      expect(byAmount).toEqual([500, 300, 100]);
      const paged: string[] = [];
      let cursor = '';
      do {
        const page = (await api(ctx.mate).list(`?customerId=${customerId}&sort=expectedCloseDate&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body;
        paged.push(...page.data.map((o: { id: string }) => o.id));
        cursor = page.nextCursor ?? '';
      } while (cursor);
      expect(paged).toEqual(made.map((o) => o.id));
      expect((await api(ctx.mate).list(`?customerId=${customerId}&amountMin=200&amountMax=400`)).body.data.map((o: { amount: number }) => o.amount)).toEqual([300]);
      expect((await api(ctx.mate).list(`?customerId=${customerId}&expectedCloseFrom=2031-02-01&expectedCloseTo=2031-03-31&count=true`)).body.total).toBe(2);
      expect((await api(ctx.mate).list(`?q=${encodeURIComponent('列表 1')}`)).body.data.map((o: { id: string }) => o.id)).toEqual([made[1].id]);
      expect((await api(ctx.mate).list(`?status=won&customerId=${customerId}`)).body.data).toEqual([]);
      expect((await api(ctx.mate).list('?sort=name')).body.errors[0].field).toBe('sort');
      const mine = (await api(ctx.mate).list('?limit=200')).body.data;
      expect(mine.every((o: { ownerId: string; lineItems: unknown[] }) => o.ownerId === ctx.mateId && o.lineItems.length === 0)).toBe(true);
    });
  });

  describe('scope, recycle bin and merge', () => {
    let westOpp: { id: string; customerId: string };
    beforeAll(async () => {
      westOpp = await opportunity(ctx.westRep, { customerId: await customer(ctx.westRep, '西部商机有限公司'), name: '西部商机', amount: 10 });
    });

    it("answers 404 for another department's opportunity and never lists it", async () => {
      for (const who of [ctx.rep, ctx.manager]) {
        expect((await api(who).get(westOpp.id)).status).toBe(404);
        expect((await api(who).patch(westOpp.id, 1, { name: 'mine now' })).status).toBe(404);
        expect((await api(who).move(westOpp.id, 1, { stageId: stage('Won').id })).status).toBe(404);
        expect((await api(who).history(westOpp.id)).status).toBe(404);
        expect((await api(who).list('?limit=200')).body.data.map((o: { id: string }) => o.id)).not.toContain(westOpp.id);
      }
      expect((await api(ctx.manager).remove(westOpp.id)).status).toBe(404);
      const [row] = await ds.query(`SELECT name, version, deleted_at FROM opportunities WHERE id = $1`, [westOpp.id]);
      expect(row).toEqual({ name: '西部商机', version: 1, deleted_at: null });
      // A rep does not see a colleague's deal either.
      const mates = await opportunity(ctx.mate, { customerId: await customer(ctx.mate, '同事商机有限公司'), name: '同事' });
      expect((await api(ctx.rep).get(mates.id)).status).toBe(404);
    });

    it('soft-deletes to the recycle bin and restores (managers only)', async () => {
      const o = await opportunity(ctx.rep, { customerId: await customer(ctx.rep, '回收站商机有限公司'), name: '回收' });
      expect((await api(ctx.rep).remove(o.id)).status).toBe(403);
      expect((await api(ctx.manager).remove(o.id)).status).toBe(204);
      expect((await api(ctx.rep).get(o.id)).status).toBe(404);
      expect((await ds.query(`SELECT deleted_at IS NOT NULL AS gone FROM opportunities WHERE id = $1`, [o.id]))[0].gone).toBe(true);
      expect((await api(ctx.manager).list('?deleted=true&limit=200')).body.data.map((x: { id: string }) => x.id)).toContain(o.id);
      const back = await api(ctx.manager).restore(o.id);
      expect(back.status).toBe(200);
      expect(back.body.version).toBe(3);
      expect((await api(ctx.rep).get(o.id)).status).toBe(200);
      expect((await api(ctx.manager).restore(o.id)).status).toBe(404);
    });

    it('moves opportunities with their line items and history to the winner when customers merge', async () => {
      const winner = await customer(ctx.manager, '商机合并赢家有限公司');
      const loser = await customer(ctx.manager, '商机合并输家有限公司');
      const o = await opportunity(ctx.manager, { customerId: loser, name: '合并', lineItems: [{ productName: 'a', quantity: 1, unitPrice: 10 }] });
      const res = await t.http().post(`/api/v1/customers/${winner}/merge`).set(ctx.manager).set('If-Match', '"1"').send({ loserIds: [loser] });
      expect(res.status).toBe(200);
      expect(res.body.moved.opportunities).toBe(1);
      expect((await api(ctx.manager).list(`?customerId=${winner}`)).body.data.map((x: { id: string }) => x.id)).toEqual([o.id]);
      expect((await ds.query(`SELECT customer_id FROM opportunity_line_items WHERE opportunity_id = $1`, [o.id]))[0].customer_id).toBe(winner);
      expect((await ds.query(`SELECT customer_id FROM opportunity_stage_history WHERE opportunity_id = $1`, [o.id]))[0].customer_id).toBe(winner);
      expect((await api(ctx.manager).get(o.id)).body.lineItems).toHaveLength(1);
    });

    it('needs If-Match on update and refuses a stale version with 412, leaving the row unchanged', async () => {
      const o = await opportunity(ctx.rep, { customerId: await customer(ctx.rep, '并发编辑有限公司'), name: '并发编辑' });
      expect((await t.http().patch(`/api/v1/opportunities/${o.id}`).set(ctx.rep).send({ name: 'x' })).status).toBe(428);
      expect((await api(ctx.rep).patch(o.id, 1, { name: '第一次' })).status).toBe(200);
      expect((await api(ctx.rep).patch(o.id, 1, { name: '第二次' })).status).toBe(412);
      expect((await ds.query(`SELECT name, version FROM opportunities WHERE id = $1`, [o.id]))[0]).toEqual({ name: '第一次', version: 2 });
    });
  });

  describe('createInTransaction (lead conversion)', () => {
    it('creates inside the caller transaction and rolls back with it', async () => {
      const { OpportunitiesService } = await import('./opportunities.service');
      const { TransactionService } = await import('@kehu/server-core');
      const service = t.app.get(OpportunitiesService);
      const customerId = await customer(ctx.rep, '线索转化有限公司');
      const principal = {
        kind: 'user' as const,
        userId: ctx.repId,
        actorId: ctx.repId,
        roles: ['sales_rep'],
        permissions: { 'sales.customer.read': 'own', 'sales.opportunity.update': 'own' } as never,
        departmentId: ctx.east,
        departmentSubtreeIds: [ctx.east],
        teamMemberIds: [ctx.repId],
        modules: ['sales'],
      };
      const leadId = '11111111-1111-4111-8111-111111111111';
      const out = await t.app.get(TransactionService).run((m) => service.createInTransaction(m, principal, { customerId, name: '转化商机', amount: 88.8, leadId }));
      expect(out).toMatchObject({ customerId, name: '转化商机', amount: 88.8, leadId, pipelineId, stageId: stage('Qualification').id, ownerId: ctx.repId });
      await expect(
        t.app.get(TransactionService).run(async (m) => {
          await service.createInTransaction(m, principal, { customerId, name: '回滚商机' });
          throw new Error('conversion failed');
        }),
      ).rejects.toThrow('conversion failed');
      expect((await ds.query(`SELECT name FROM opportunities WHERE customer_id = $1`, [customerId])).map((r: { name: string }) => r.name)).toEqual(['转化商机']);
    });
  });

  describe('pipelines', () => {
    const threeStages = [
      { name: '接洽', probability: 10, kind: 'open' },
      { name: '成交', probability: 100, kind: 'won' },
      { name: '丢单', probability: 0, kind: 'lost' },
    ];

    it('needs a won and a lost stage, unique names, and sales.pipeline.manage', async () => {
      const noWon = await api(admin).createPipeline({ name: 'x', stages: [threeStages[0], threeStages[2]] });
      expect(noWon.status).toBe(400);
      expect(noWon.body.errors[0]).toMatchObject({ field: 'stages', rule: 'wonStage' });
      const dup = await api(admin).createPipeline({ name: 'x', stages: [...threeStages, { name: '接洽', probability: 5, kind: 'open' }] });
      expect(dup.body.errors[0]).toMatchObject({ field: 'stages.3.name', rule: 'unique' });
      const badProb = await api(admin).createPipeline({ name: 'x', stages: [{ ...threeStages[0], probability: 120 }, threeStages[1], threeStages[2]] });
      expect(badProb.body.errors[0]).toMatchObject({ field: 'stages.0.probability', rule: 'max' });
      expect((await api(ctx.manager).createPipeline({ name: 'x', stages: threeStages })).status).toBe(403);
    });

    it('keeps exactly one default', async () => {
      const created = await api(admin).createPipeline({ name: '新默认', stages: threeStages, isDefault: true });
      expect(created.status).toBe(201);
      expect(created.body.isDefault).toBe(true);
      expect(await ds.query(`SELECT id FROM pipelines WHERE is_default`)).toEqual([{ id: created.body.id }]);
      // New opportunities land in the default pipeline.
      const o = await opportunity(ctx.rep, { customerId: await customer(ctx.rep, '默认漏斗有限公司'), name: '默认' });
      expect(o).toMatchObject({ pipelineId: created.body.id, stageId: created.body.stages[0].id });
      const unset = await api(admin).patchPipeline(created.body.id, 1, { isDefault: false });
      expect(unset.status).toBe(409);
      expect(unset.body.errors[0].field).toBe('isDefault');
      expect((await api(admin).patchPipeline(created.body.id, 1, { active: false })).status).toBe(409);
      const old = (await api(admin).getPipeline(pipelineId)).body;
      const back = await api(admin).patchPipeline(pipelineId, old.version, { isDefault: true });
      expect(back.status).toBe(200);
      expect(await ds.query(`SELECT id FROM pipelines WHERE is_default`)).toEqual([{ id: pipelineId }]);
      expect((await api(admin).getPipeline(created.body.id)).body.isDefault).toBe(false);
    });

    it('replaces stages keeping the ids sent back, and refuses to remove a stage holding opportunities (409 STAGE_IN_USE)', async () => {
      const p = (await api(admin).createPipeline({ name: '改阶段', stages: threeStages })).body;
      const [open, won, lost] = p.stages;
      const o = await opportunity(ctx.rep, { customerId: await customer(ctx.rep, '阶段占用有限公司'), name: '占用', pipelineId: p.id });
      expect(o.stageId).toBe(open.id);

      const removeHeld = await api(admin).patchPipeline(p.id, 1, { stages: [{ name: '新阶段', probability: 20, kind: 'open' }, { id: won.id, ...threeStages[1] }, { id: lost.id, ...threeStages[2] }] });
      expect(removeHeld.status).toBe(409);
      expect(removeHeld.body.code).toBe('STAGE_IN_USE');
      const kindChange = await api(admin).patchPipeline(p.id, 1, { stages: [{ id: open.id, name: '接洽', probability: 10, kind: 'won' }, { id: won.id, ...threeStages[1] }, { id: lost.id, ...threeStages[2] }] });
      expect(kindChange.body.code).toBe('STAGE_IN_USE');

      const edited = await api(admin).patchPipeline(p.id, 1, {
        name: '改阶段 v2',
        stages: [{ id: open.id, name: '初步接洽', probability: 15, kind: 'open' }, { name: '方案', probability: 50, kind: 'open' }, { id: won.id, ...threeStages[1] }],
      });
      expect(edited.status).toBe(400); // the lost stage went missing
      expect(edited.body.errors[0]).toMatchObject({ field: 'stages', rule: 'lostStage' });

      const ok = await api(admin).patchPipeline(p.id, 1, {
        name: '改阶段 v2',
        stages: [{ id: open.id, name: '初步接洽', probability: 15, kind: 'open' }, { name: '方案', probability: 50, kind: 'open' }, { id: won.id, ...threeStages[1] }, { name: '新丢单', probability: 0, kind: 'lost' }],
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect(ok.body.stages.map((s: Stage) => s.name)).toEqual(['初步接洽', '方案', '成交', '新丢单']);
      expect(ok.body.stages[0].id).toBe(open.id);
      expect(ok.body.stages[2].id).toBe(won.id);
      expect(ok.body.stages.map((s: Stage) => s.id)).not.toContain(lost.id);
      // The removed stage is archived, not gone (history may point at it); the opportunity now has the new probability.
      expect((await ds.query(`SELECT deleted_at IS NOT NULL AS archived FROM pipeline_stages WHERE id = $1`, [lost.id]))[0].archived).toBe(true);
      expect((await api(ctx.rep).get(o.id)).body.probability).toBe(15);
      expect((await api(admin).patchPipeline(p.id, 1, { name: 'stale' })).status).toBe(412);
      const unknownId = await api(admin).patchPipeline(p.id, 2, { stages: [{ id: lost.id, ...threeStages[0] }, threeStages[1], threeStages[2]] });
      expect(unknownId.body.errors[0]).toMatchObject({ field: 'stages.0.id', rule: 'stageOfPipeline' });
      expect((await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'pipeline' AND entity_id = $1 ORDER BY id`, [p.id])).map((r: { action: string }) => r.action)).toEqual(['create', 'update']);
    });
  });
});
