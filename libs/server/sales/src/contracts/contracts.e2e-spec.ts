/**
 * Sales contracts, receivable plans and payments through HTTP on real PostgreSQL: the
 * approval flow (self-approval refused, rejection with reason, history and audit), data
 * scope, If-Match, the instalment sum rule, payments and computed statuses (overdue by
 * moving the Clock), the overdue reminder and renewal jobs (idempotent).
 */
import { Clock } from '@kehu/server-core';
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootSalesApp } from '../../test/sales-test-kit';

const PASSWORD = 'Rep-pass-12345';
type Auth = Record<string, string>;

describe('sales contracts and receivables', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  const ctx = {} as { east: string; west: string; rep: Auth; repId: string; mate: Auth; manager: Auth; managerId: string; westManager: Auth; westRep: Auth; customer: string; westCustomer: string };

  const api = (auth: Auth) => ({
    create: (body: object) => t.http().post('/api/v1/sales-contracts').set(auth).send(body),
    list: (query = '') => t.http().get(`/api/v1/sales-contracts${query}`).set(auth),
    get: (id: string) => t.http().get(`/api/v1/sales-contracts/${id}`).set(auth),
    patch: (id: string, version: number, body: object) => t.http().patch(`/api/v1/sales-contracts/${id}`).set(auth).set('If-Match', `"${version}"`).send(body),
    remove: (id: string) => t.http().delete(`/api/v1/sales-contracts/${id}`).set(auth),
    action: (id: string, action: string, body: object = {}) => t.http().post(`/api/v1/sales-contracts/${id}/${action}`).set(auth).send(body),
    approvals: (id: string) => t.http().get(`/api/v1/sales-contracts/${id}/approvals`).set(auth),
    plan: (id: string) => t.http().get(`/api/v1/sales-contracts/${id}/receivables`).set(auth),
    addInstalment: (id: string, body: object) => t.http().post(`/api/v1/sales-contracts/${id}/receivables`).set(auth).send(body),
    patchInstalment: (id: string, version: number, body: object) => t.http().patch(`/api/v1/receivables/${id}`).set(auth).set('If-Match', `"${version}"`).send(body),
    removeInstalment: (id: string) => t.http().delete(`/api/v1/receivables/${id}`).set(auth),
    pay: (id: string, body: object) => t.http().post(`/api/v1/receivables/${id}/payments`).set(auth).send(body),
    receivables: (query = '') => t.http().get(`/api/v1/receivables${query}`).set(auth),
    runOverdue: () => t.http().post('/api/v1/receivables/overdue-reminders/run').set(auth),
    runRenewals: () => t.http().post('/api/v1/sales-contracts/renewals/run').set(auth),
  });
  const setToday = (day: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(`${day}T04:00:00Z`));
  const draft = async (auth: Auth, extra: object = {}) => {
    const res = await api(auth).create({ title: '年度订阅合同', customerId: ctx.customer, amount: 100000, startDate: '2026-01-01', endDate: '2026-12-31', signedDate: '2025-12-20', ...extra });
    if (res.status !== 201) throw new Error(`contract ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; number: string };
  };
  /** Drafted by the rep, submitted, approved by the east manager. */
  const approved = async (extra: object = {}) => {
    const c = await draft(ctx.rep, extra);
    await api(ctx.rep).action(c.id, 'submit');
    const res = await api(ctx.manager).action(c.id, 'approve', { comment: 'ok' });
    if (res.status !== 200) throw new Error(`approve ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; status: string; version: number };
  };

  beforeAll(async () => {
    t = await bootSalesApp();
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    const post = async (url: string, body: object, auth = admin) => {
      const res = await t.http().post(url).set(auth).send(body);
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
    const manager = await user('manager@kehu.test', ['sales_manager'], ctx.east);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, manager: manager.auth, managerId: manager.id });
    ctx.mate = (await user('mate@kehu.test', ['sales_rep'], ctx.east)).auth;
    ctx.westManager = (await user('westmgr@kehu.test', ['sales_manager'], ctx.west)).auth;
    ctx.westRep = (await user('westrep@kehu.test', ['sales_rep'], ctx.west)).auth;
    ctx.customer = (await post('/api/v1/customers?allowDuplicate=true', { name: '上海合同测试有限公司' }, ctx.rep)).id;
    ctx.westCustomer = (await post('/api/v1/customers?allowDuplicate=true', { name: '成都合同测试有限公司' }, ctx.westRep)).id;
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t?.close());

  describe('contracts', () => {
    it('creates a draft with a generated number, owned by the caller, audited', async () => {
      setToday('2025-12-20');
      const res = await api(ctx.rep).create({ title: ' 年度订阅合同 ', customerId: ctx.customer, amount: 120000.5, startDate: '2026-01-01', endDate: '2026-12-31' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ title: '年度订阅合同', status: 'draft', ownerId: ctx.repId, departmentId: ctx.east, amount: 120000.5, currency: 'CNY', version: 1, totals: { planned: 0, received: 0, outstanding: 120000.5, overdue: 0 } });
      expect(res.body.number).toMatch(/^HT-20251220-\d{5}$/);
      const [audit] = await ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'sales_contract' AND entity_id = $1`, [res.body.id]);
      expect(audit.action).toBe('create');
      expect(audit.changes.amount).toEqual({ before: null, after: 120000.5 });
    });

    it('refuses bad input naming the field: end before start, foreign opportunity, taken number, unknown currency', async () => {
      const base = { title: 'x', customerId: ctx.customer, amount: 1, startDate: '2026-02-01', endDate: '2026-03-01' };
      const field = async (body: object) => {
        const res = await api(ctx.rep).create({ ...base, ...body });
        return [res.status, res.body.errors?.[0]?.field ?? res.body.code];
      };
      expect(await field({ endDate: '2026-01-01' })).toEqual([400, 'endDate']);
      expect(await field({ amount: 1.234 })).toEqual([400, 'amount']);
      expect(await field({ customerId: ctx.westCustomer })).toEqual([400, 'customerId']);
      const westOpp = await t.http().post('/api/v1/opportunities').set(ctx.westRep).send({ customerId: ctx.westCustomer, name: 'west deal' });
      expect(await field({ opportunityId: westOpp.body.id })).toEqual([400, 'opportunityId']);
      const opp = await t.http().post('/api/v1/opportunities').set(ctx.rep).send({ customerId: ctx.customer, name: 'east deal', amount: 5 });
      const withOpp = await api(ctx.rep).create({ ...base, opportunityId: opp.body.id, number: 'HT-FIXED-1' });
      expect(withOpp.status).toBe(201);
      expect(withOpp.body).toMatchObject({ number: 'HT-FIXED-1', opportunityId: opp.body.id });
      expect(await field({ number: 'HT-FIXED-1' })).toEqual([409, 'number']);
      expect(await field({ currency: 'XXX' })).toEqual([400, 'currency']);
    });

    it('scopes reads: the owner and their manager see it, another rep or department gets 404', async () => {
      const c = await draft(ctx.rep);
      expect((await api(ctx.rep).get(c.id)).status).toBe(200);
      expect((await api(ctx.manager).get(c.id)).status).toBe(200);
      expect((await api(ctx.mate).get(c.id)).status).toBe(404);
      expect((await api(ctx.westManager).get(c.id)).status).toBe(404);
      const list = await api(ctx.westManager).list(`?customerId=${ctx.customer}`);
      expect(list.body.data).toEqual([]);
      const mine = await api(ctx.rep).list(`?customerId=${ctx.customer}&status=draft&sort=-amount&limit=2&count=true`);
      expect(mine.body.total).toBeGreaterThanOrEqual(3);
      expect(mine.body.data).toHaveLength(2);
      expect(mine.body.nextCursor).toBeTruthy();
      const next = await api(ctx.rep).list(`?customerId=${ctx.customer}&status=draft&sort=-amount&limit=2&cursor=${mine.body.nextCursor}`);
      expect(next.body.data.map((x: { id: string }) => x.id)).not.toContain(mine.body.data[0].id);
    });

    it('updates with If-Match (428 without, 412 stale) and deletes only drafts', async () => {
      const c = await draft(ctx.rep);
      expect((await t.http().patch(`/api/v1/sales-contracts/${c.id}`).set(ctx.rep).send({ title: 'y' })).status).toBe(428);
      const ok = await api(ctx.rep).patch(c.id, 1, { title: '修订合同', amount: 90000 });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      expect((await api(ctx.rep).patch(c.id, 1, { title: 'stale' })).status).toBe(412);
      await api(ctx.rep).action(c.id, 'submit');
      const locked = await api(ctx.rep).patch(c.id, 3, { amount: 1 });
      expect(locked.status).toBe(409);
      expect(locked.body).toMatchObject({ code: 'CONTRACT_STATUS_TRANSITION', currentStatus: 'pending_approval' });
      expect((await api(ctx.rep).remove(c.id)).status).toBe(409);
      const d = await draft(ctx.rep);
      expect((await api(ctx.rep).remove(d.id)).status).toBe(204);
      expect((await api(ctx.rep).get(d.id)).status).toBe(404);
    });
  });

  describe('approval', () => {
    it('submit → approve by the manager; the submitter and owner cannot approve their own; history and audit', async () => {
      setToday('2026-03-01');
      const c = await draft(ctx.rep);
      expect((await api(ctx.manager).action(c.id, 'approve')).body.code).toBe('CONTRACT_STATUS_TRANSITION');
      const sub = await api(ctx.rep).action(c.id, 'submit', { comment: '请审批' });
      expect(sub.body).toMatchObject({ status: 'pending_approval', submittedBy: ctx.repId });
      // A rep has no approve permission; a manager of another department does not see it.
      expect((await api(ctx.rep).action(c.id, 'approve')).status).toBe(403);
      expect((await api(ctx.westManager).action(c.id, 'approve')).status).toBe(404);
      // The manager's own contract, submitted by the manager: refused.
      const own = await draft(ctx.manager);
      await api(ctx.manager).action(own.id, 'submit');
      const self = await api(ctx.manager).action(own.id, 'approve');
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('SELF_APPROVAL');
      expect((await api(admin).action(own.id, 'approve')).status).toBe(200);

      const res = await api(ctx.manager).action(c.id, 'approve', { comment: '同意' });
      expect(res.status).toBe(200);
      // Today is inside the term: approved straight to active.
      expect(res.body).toMatchObject({ status: 'active', decidedBy: ctx.managerId });
      const history = await api(ctx.rep).approvals(c.id);
      expect(history.body.map((h: { decision: string; comment: string | null; actorId: string }) => [h.decision, h.comment, h.actorId])).toEqual([
        ['submitted', '请审批', ctx.repId],
        ['approved', '同意', ctx.managerId],
      ]);
      const audit = await ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'sales_contract' AND entity_id = $1 ORDER BY id`, [c.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'submit', 'approve']);
      expect(audit[2].changes.status).toEqual({ before: 'pending_approval', after: 'active' });
    });

    it('reject needs a reason, keeps it, and the owner can fix and resubmit; terminate ends an approved contract', async () => {
      setToday('2025-12-01');
      const c = await draft(ctx.rep);
      await api(ctx.rep).action(c.id, 'submit');
      const noReason = await api(ctx.manager).action(c.id, 'reject', {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const rej = await api(ctx.manager).action(c.id, 'reject', { reason: '付款条件需调整' });
      expect(rej.body).toMatchObject({ status: 'rejected', statusReason: '付款条件需调整' });
      const fixed = await api(ctx.rep).patch(c.id, rej.body.version, { amount: 80000 });
      expect(fixed.status).toBe(200);
      expect((await api(ctx.rep).action(c.id, 'submit')).body.status).toBe('pending_approval');
      // Before the start date: approved (not yet active).
      const ok = await api(ctx.manager).action(c.id, 'approve');
      expect(ok.body).toMatchObject({ status: 'approved', statusReason: null });
      const history = (await api(ctx.rep).approvals(c.id)).body.map((h: { decision: string }) => h.decision);
      expect(history).toEqual(['submitted', 'rejected', 'submitted', 'approved']);
      expect((await api(ctx.manager).action(c.id, 'terminate', { reason: '客户破产' })).body).toMatchObject({ status: 'terminated', statusReason: '客户破产' });
      expect((await api(ctx.manager).action(c.id, 'terminate', { reason: 'again' })).status).toBe(409);
    });
  });

  describe('receivables', () => {
    it('keeps the instalments within the contract amount (400 naming amount)', async () => {
      const c = await draft(ctx.rep);
      expect((await api(ctx.rep).addInstalment(c.id, { dueDate: '2026-03-31', amount: 60000 })).status).toBe(201);
      const over = await api(ctx.rep).addInstalment(c.id, { dueDate: '2026-06-30', amount: 40000.01 });
      expect(over.status).toBe(400);
      expect(over.body.errors[0]).toMatchObject({ field: 'amount', rule: 'withinContractAmount' });
      const second = await api(ctx.rep).addInstalment(c.id, { dueDate: '2026-06-30', amount: 40000 });
      expect(second.status).toBe(201);
      const tooBig = await api(ctx.rep).patchInstalment(second.body.id, 1, { amount: 40001 });
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.errors[0].field).toBe('amount');
      // Lowering the contract below what is planned is refused too.
      const lower = await api(ctx.rep).patch(c.id, 1, { amount: 99999 });
      expect(lower.status).toBe(400);
      expect(lower.body.errors[0].field).toBe('amount');
      expect((await api(ctx.mate).addInstalment(c.id, { dueDate: '2026-06-30', amount: 1 })).status).toBe(404);
      const plan = await api(ctx.rep).plan(c.id);
      expect(plan.body.totals).toMatchObject({ planned: 100000, received: 0, outstanding: 100000 });
      expect(plan.body.instalments.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2026-03-31', '2026-06-30']);
      expect((await api(ctx.rep).removeInstalment(second.body.id)).status).toBe(204);
    });

    it('records payments: partial, paid, overpayment refused (409), overdue by the clock, totals', async () => {
      setToday('2026-03-01');
      const c = await approved();
      const first = (await api(ctx.rep).addInstalment(c.id, { dueDate: '2026-03-31', amount: 60000 })).body;
      const second = (await api(ctx.rep).addInstalment(c.id, { dueDate: '2026-06-30', amount: 40000 })).body;
      expect(first.status).toBe('pending');
      const part = await api(ctx.rep).pay(first.id, { amount: 20000, receivedOn: '2026-02-28', method: 'bank_transfer', reference: '流水001' });
      expect(part.status).toBe(201);
      expect(part.body).toMatchObject({ status: 'partial', received: 20000, outstanding: 40000 });
      expect(part.body.payments).toHaveLength(1);
      const over = await api(ctx.rep).pay(first.id, { amount: 40000.01, receivedOn: '2026-03-01', method: 'cash' });
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'PAYMENT_EXCEEDS_DUE', outstanding: 40000 });
      expect((await api(ctx.rep).pay(first.id, { amount: 1, receivedOn: '2026-03-02', method: 'cash' })).body.errors[0].field).toBe('receivedOn');
      expect((await api(ctx.rep).pay(first.id, { amount: 40000, receivedOn: '2026-03-01', method: 'alipay' })).body.status).toBe('paid');
      // The paid instalment cannot be deleted, nor lowered below what was received.
      expect((await api(ctx.rep).removeInstalment(first.id)).body.code).toBe('INSTALMENT_HAS_PAYMENTS');
      const [row] = await ds.query(`SELECT owner_id, department_id, customer_id, sum(amount)::float8 AS total FROM payments WHERE contract_id = $1 GROUP BY 1, 2, 3`, [c.id]);
      expect(row).toEqual({ owner_id: ctx.repId, department_id: ctx.east, customer_id: ctx.customer, total: 60000 });

      setToday('2026-07-05');
      const plan = await api(ctx.rep).plan(c.id);
      expect(plan.body.instalments.map((i: { status: string }) => i.status)).toEqual(['paid', 'overdue']);
      expect(plan.body.totals).toEqual({ planned: 100000, received: 60000, outstanding: 40000, overdue: 40000 });
      expect((await api(ctx.rep).get(c.id)).body.totals.overdue).toBe(40000);
      const overdue = await api(ctx.manager).receivables(`?status=overdue&ownerId=${ctx.repId}`);
      expect(overdue.body.data.map((i: { id: string }) => i.id)).toContain(second.id);
      expect(overdue.body.data.every((i: { status: string }) => i.status === 'overdue')).toBe(true);
      expect((await api(ctx.westManager).receivables('?status=overdue')).body.data).toEqual([]);
      expect((await api(ctx.manager).receivables('?status=paid')).body.data.map((i: { id: string }) => i.id)).toContain(first.id);
    });

    it('refuses payments on a contract that is not approved', async () => {
      const c = await draft(ctx.rep);
      const i = (await api(ctx.rep).addInstalment(c.id, { dueDate: '2026-03-31', amount: 10 })).body;
      const res = await api(ctx.rep).pay(i.id, { amount: 1, receivedOn: '2025-01-01', method: 'cash' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONTRACT_STATUS_TRANSITION');
    });
  });

  describe('jobs', () => {
    it('reminds the owner once per overdue instalment and due date', async () => {
      setToday('2026-03-01');
      const c = await approved();
      const i = (await api(ctx.rep).addInstalment(c.id, { dueDate: '2026-04-30', amount: 5000 })).body;
      const notes = async () => (await ds.query(`SELECT user_id, dedupe_key, link FROM notifications WHERE entity_id = $1`, [i.id])) as { user_id: string; dedupe_key: string }[];
      expect((await api(ctx.rep).runOverdue()).status).toBe(403);
      await api(admin).runOverdue();
      expect(await notes()).toEqual([]);
      setToday('2026-05-02');
      const first = await api(admin).runOverdue();
      expect(first.body.today).toBe('2026-05-02');
      expect(await notes()).toEqual([{ user_id: ctx.repId, dedupe_key: `receivable-overdue:${i.id}:2026-04-30`, link: `/contracts/${c.id}` }]);
      await api(admin).runOverdue();
      expect(await notes()).toHaveLength(1);
      // Rescheduled and overdue again: a new reminder.
      await api(ctx.rep).patchInstalment(i.id, i.version, { dueDate: '2026-05-01' });
      await api(admin).runOverdue();
      expect(await notes()).toHaveLength(2);
      const inbox = await t.http().get('/api/v1/notifications').set(ctx.rep);
      expect(inbox.body.data.some((n: { kind: string }) => n.kind === 'receivable.overdue')).toBe(true);
    });

    it('creates one renewal opportunity for a contract ending within 60 days, owned by its owner, and moves statuses by the term', async () => {
      setToday('2026-03-01');
      const ending = await approved({ startDate: '2026-01-01', endDate: '2026-04-15', amount: 30000 });
      const later = await approved({ startDate: '2026-01-01', endDate: '2026-12-31' });
      setToday('2026-02-10');
      const notYet = await approved({ startDate: '2026-02-15', endDate: '2027-02-14' });
      expect(notYet.status).toBe('approved');
      setToday('2026-03-01');
      const run = await api(admin).runRenewals();
      expect(run.status).toBe(200);
      const c = (await api(ctx.rep).get(ending.id)).body;
      expect(c.renewalOpportunityId).toBeTruthy();
      expect((await api(ctx.rep).get(later.id)).body.renewalOpportunityId).toBeNull();
      expect((await api(ctx.rep).get(notYet.id)).body.status).toBe('active');
      const opp = await t.http().get(`/api/v1/opportunities/${c.renewalOpportunityId}`).set(ctx.rep);
      expect(opp.body).toMatchObject({ customerId: ctx.customer, ownerId: ctx.repId, amount: 30000, status: 'open' });
      expect(opp.body.name).toContain('年度订阅合同');
      await api(admin).runRenewals();
      await Promise.all([api(admin).runRenewals(), api(admin).runRenewals()]);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM opportunities WHERE customer_id = $1 AND name LIKE '续约%'`, [ctx.customer]);
      expect(n).toBe(1);
      expect((await api(ctx.rep).get(ending.id)).body.renewalOpportunityId).toBe(c.renewalOpportunityId);
      setToday('2026-04-16');
      await api(admin).runRenewals();
      expect((await api(ctx.rep).get(ending.id)).body.status).toBe('expired');
    });
  });
});
