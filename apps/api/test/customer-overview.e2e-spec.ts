/**
 * The customer 360 over HTTP on real PostgreSQL, wired as the app wires it: opportunities,
 * orders and follow-ups from the sales API, cases and a service contract from the service
 * API, read back in one answer — each figure only over records in the caller's scope of its
 * kind, each section only for callers who may read it.
 */
import { createTestApp, testPeople, type Auth, type TestApp } from '@kehu/server-testing';
import { AppModule } from '../src/app.module';
import { appSchema } from '../src/app.schema';

describe('customer 360 overview', () => {
  let t: TestApp;
  const ctx = {} as { rep: Auth; manager: Auth; agent: Auth; westRep: Auth; admin: Auth; customer: string };
  const overview = (auth: Auth, id = ctx.customer) => t.http().get(`/api/v1/customers/${id}/overview`).set(auth);
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp({ root: AppModule.forRoot, schema: appSchema });
    const { admin, post, user, department } = await testPeople(t);
    ctx.admin = admin;
    const east = await department('华东');
    const west = await department('西部');
    const rep = await user('rep', ['sales_rep'], east);
    const westRep = await user('west-rep', ['sales_rep'], west);
    const manager = await user('manager', ['sales_manager'], east);
    const agent = await user('agent', ['service_agent'], east);
    Object.assign(ctx, { rep: rep.auth, westRep: westRep.auth, manager: manager.auth, agent: agent.auth });
    ctx.customer = (await post('/api/v1/customers?allowDuplicate=true', { name: '全景测试有限公司', ownerId: rep.id })).id;
    const as = (auth: Auth) => async (url: string, body: object, status = 201) => {
      const res = await t.http().post(url).set(auth).send(body);
      if (res.status !== status) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    await as(rep.auth)('/api/v1/opportunities', { customerId: ctx.customer, name: '扩容', amount: 100 });
    await as(rep.auth)('/api/v1/opportunities', { customerId: ctx.customer, name: '续约', amount: 200 });
    // one of another department's rep on the same customer: the admin sees it, the east manager does not
    await post('/api/v1/opportunities', { customerId: ctx.customer, name: '西部的商机', amount: 1000, ownerId: westRep.id });
    const won = (await t.http().get('/api/v1/pipelines').set(admin)).body.data.find((p: { isDefault: boolean }) => p.isDefault).stages.find((s: { kind: string }) => s.kind === 'won').id;
    await post('/api/v1/opportunities', { customerId: ctx.customer, name: '已赢单', amount: 50, stageId: won, ownerId: rep.id });
    const order = async (key: string, status: string, total: number) => {
      const res = await t.http().put(`/api/v1/orders/by-external/erp/${key}`).set(admin).send({ customerId: ctx.customer, ownerId: rep.id, status, placedAt: days(-30), paidAt: status === 'paid' ? days(-29) : undefined, lines: [{ description: key, quantity: 1, unitPrice: total }] });
      expect(res.status).toBe(201);
    };
    await order('OV-1', 'paid', 500);
    await order('OV-2', 'cancelled', 900);
    await as(rep.auth)('/api/v1/activities/quick', { customerId: ctx.customer, type: 'call', text: '电话沟通' });
    await as(rep.auth)('/api/v1/activities', { customerId: ctx.customer, type: 'task', subject: '寄送合同', dueAt: days(2) });
    // owned in the east: the east agent's service.contract.read (department) covers it
    await post('/api/v1/service-contracts', { name: '金牌维保', level: '金牌', customerId: ctx.customer, ownerId: manager.id, startDate: days(-100).slice(0, 10), endDate: days(200).slice(0, 10) });
    await as(agent.auth)('/api/v1/cases', { customerId: ctx.customer, subject: '打印机故障' });
    const done = await as(agent.auth)('/api/v1/cases', { customerId: ctx.customer, subject: '账单疑问' });
    await as(agent.auth)(`/api/v1/cases/${done.id}/resolve`, { resolution: '已解释' }, 200);
    await as(agent.auth)(`/api/v1/cases/${done.id}/satisfaction`, { score: 4 }, 200);
  });
  afterAll(() => t?.close());

  it("gives a rep the sales and follow-up sections of their own records; no service section without the permission", async () => {
    const res = await overview(ctx.rep).expect(200);
    expect(res.body).toMatchObject({
      customerId: ctx.customer,
      sales: { openOpportunities: 2, openPipelineAmount: 300, wonLast12Months: 1, wonAmountLast12Months: 50, revenueLast12Months: 500, ordersLast12Months: 1 },
      activity: { followUpsLast90Days: 1, nextTaskSubject: '寄送合同' },
      service: null,
      value: null,
    });
    expect(res.body.activity.lastFollowUpAt).toEqual(expect.any(String));
    expect(res.body.sales.lastOrderAt).toEqual(expect.any(String));
  });

  it("counts only the caller's scope: the east manager misses the west rep's deal, the admin sees it", async () => {
    expect((await overview(ctx.manager).expect(200)).body.sales).toMatchObject({ openOpportunities: 2, openPipelineAmount: 300 });
    const all = (await overview(ctx.admin).expect(200)).body;
    expect(all.sales).toMatchObject({ openOpportunities: 3, openPipelineAmount: 1300 });
    expect(all.service).toMatchObject({ openCases: 1, casesLast12Months: 2, satisfactionAverage: 4, contract: { name: '金牌维保', level: '金牌' } });
  });

  it('gives a service agent the service section with the contract in force, and no sales figures', async () => {
    const res = await overview(ctx.agent).expect(200);
    expect(res.body.sales).toBeNull();
    expect(res.body.service).toMatchObject({ openCases: 1, breachedCases: 0, casesLast12Months: 2, satisfactionAverage: 4, contract: { name: '金牌维保' } });
    expect(res.body.activity).toMatchObject({ followUpsLast90Days: 1 });
  });

  it('answers 404 for a customer outside the scope, 400 for a bad id', async () => {
    await overview(ctx.westRep).expect(404);
    await overview(ctx.rep, 'not-a-uuid').expect(400);
  });
});
