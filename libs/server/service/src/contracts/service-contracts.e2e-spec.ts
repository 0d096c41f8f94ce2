/**
 * Service contracts over HTTP on real PostgreSQL: create / read / update (If-Match) /
 * terminate / delete + restore with audit and outbox rows, status by the day, data scope,
 * permissions; and the entitlement: a case raised for a customer with a contract in force
 * gets the contract's SLA targets (the policy's for priorities it leaves out).
 */
import { Clock } from '@kehu/server-core';
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootServiceApp } from '../../test/service-test-kit';
import { buildCasesWorld, type Auth, type CasesWorld } from '../../test/cases-world';

describe('service contracts', () => {
  let t: TestApp;
  let w: CasesWorld;
  let ds: DataSource;
  const setNow = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(iso));
  const create = (body: object, auth: Auth = w.eastManager) => t.http().post('/api/v1/service-contracts').set(auth).send(body);
  const gold = { name: '2026 年度金牌维保', level: '金牌', startDate: '2026-01-01', endDate: '2026-12-31', visitsIncluded: 12, slaTargets: [{ priority: 'high', firstResponseMinutes: 15, resolutionMinutes: 120, businessHours: false }] };

  beforeAll(async () => {
    t = await bootServiceApp();
    w = await buildCasesWorld(t);
    ds = t.app.get(DataSource);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t?.close());

  it('creates, reads with an ETag, updates with If-Match and audits each write', async () => {
    setNow('2026-11-26T02:00:00Z');
    const res = await create({ ...gold, customerId: w.ids.customer }).expect(201);
    expect(res.body).toMatchObject({ name: gold.name, level: '金牌', status: 'active', visitsIncluded: 12, ownerId: w.ids.eastManager, departmentId: w.ids.east, caseCount: 0, version: 1 });
    expect(res.body.number).toMatch(/^SC-20261126-\d{5}$/);
    expect(res.body.slaTargets).toEqual(gold.slaTargets);
    const read = await t.http().get(`/api/v1/service-contracts/${res.body.id}`).set(w.eastAgent).expect(200);
    expect(read.headers.etag).toBe('"1"');
    const stale = await t.http().patch(`/api/v1/service-contracts/${res.body.id}`).set(w.eastManager).set('If-Match', '"9"').send({ level: '银牌' }).expect(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    const updated = await t.http().patch(`/api/v1/service-contracts/${res.body.id}`).set(w.eastManager).set('If-Match', '"1"').send({ level: '白金', visitsIncluded: 24 }).expect(200);
    expect(updated.body).toMatchObject({ level: '白金', visitsIncluded: 24, version: 2 });
    const audit = await ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'service_contract' AND entity_id = $1 ORDER BY id`, [res.body.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
    expect(audit[1].changes).toEqual({ level: { before: '金牌', after: '白金' }, visitsIncluded: { before: 12, after: 24 } });
    expect((await ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [res.body.id])).map((o: { type: string }) => o.type)).toEqual(['service_contract.created', 'service_contract.updated']);
  });

  it('refuses bad input with 400 naming the field, agents with 403, and hides other departments (404)', async () => {
    const bad = async (body: object, field: string) => {
      const res = await create({ ...gold, customerId: w.ids.customer, ...body }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    };
    await bad({ endDate: '2025-12-31' }, 'endDate');
    await bad({ slaTargets: [{ priority: 'high', firstResponseMinutes: 10 }, { priority: 'high', firstResponseMinutes: 20 }] }, 'slaTargets.1.priority');
    await bad({ slaTargets: [{ priority: 'asap' }] }, 'slaTargets.0.priority');
    await bad({ name: 'x'.repeat(201) }, 'name');
    await bad({ visitsIncluded: -1 }, 'visitsIncluded');
    await bad({ price: 100 }, 'price');
    await create({ ...gold, customerId: w.ids.customer }, w.eastAgent).expect(403);
    const { body } = await create({ ...gold, name: '华东合同', customerId: w.ids.customer }).expect(201);
    await t.http().get(`/api/v1/service-contracts/${body.id}`).set(w.westAgent).expect(404);
    const west = await t.http().get('/api/v1/service-contracts?q=华东合同').set(w.westAgent).expect(200);
    expect(west.body.data).toEqual([]);
  });

  it('lists by status as of today and terminates once', async () => {
    setNow('2026-11-26T02:00:00Z');
    const upcoming = (await create({ ...gold, name: '状态-未开始', customerId: w.ids.customer2, startDate: '2027-01-01', endDate: '2027-12-31' }).expect(201)).body;
    const expired = (await create({ ...gold, name: '状态-已过期', customerId: w.ids.customer2, startDate: '2025-01-01', endDate: '2025-12-31' }).expect(201)).body;
    expect([upcoming.status, expired.status]).toEqual(['upcoming', 'expired']);
    const list = await t.http().get('/api/v1/service-contracts?q=状态-&status=expired').set(w.eastManager).expect(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([expired.id]);
    const ended = await t.http().post(`/api/v1/service-contracts/${upcoming.id}/terminate`).set(w.eastManager).send({ reason: '客户提前解约' }).expect(200);
    expect(ended.body).toMatchObject({ status: 'terminated', terminationReason: '客户提前解约' });
    await t.http().post(`/api/v1/service-contracts/${upcoming.id}/terminate`).set(w.eastManager).send({ reason: 'again' }).expect(409);
    await t.http().patch(`/api/v1/service-contracts/${upcoming.id}`).set(w.eastManager).set('If-Match', `"${ended.body.version}"`).send({ name: 'x' }).expect(409);
    await t.http().delete(`/api/v1/service-contracts/${expired.id}`).set(w.eastManager).expect(204);
    await t.http().get(`/api/v1/service-contracts/${expired.id}`).set(w.eastManager).expect(404);
    await t.http().post(`/api/v1/service-contracts/${expired.id}/restore`).set(w.eastManager).expect(200);
  });

  it("gives a case the contract's targets for its priority, and the policy's for the others", async () => {
    const customer = (await ds.query(`INSERT INTO customers (name, name_key) VALUES ('签约客户', '签约客户') RETURNING id`))[0].id;
    setNow('2026-11-26T02:00:00Z'); // Thursday 10:00 Shanghai
    const contract = (await create({ ...gold, customerId: customer }).expect(201)).body;
    const high = (await t.http().post('/api/v1/cases').set(w.eastAgent).send({ subject: '签约客户的工单', customerId: customer, priority: 'high' }).expect(201)).body;
    expect(high.serviceContractId).toBe(contract.id);
    // contract: 15 / 120 minutes around the clock
    expect(high.response.dueAt).toBe('2026-11-26T02:15:00.000Z');
    expect(high.resolution.dueAt).toBe('2026-11-26T04:00:00.000Z');
    // normal is not in the contract: the policy's 240 working minutes
    const normal = (await t.http().post('/api/v1/cases').set(w.eastAgent).send({ subject: '普通', customerId: customer }).expect(201)).body;
    expect(normal).toMatchObject({ serviceContractId: contract.id, response: { dueAt: '2026-11-26T07:00:00.000Z' } });
    // re-prioritised to high: the contract's target again, from when it was raised
    const patched = await t.http().patch(`/api/v1/cases/${normal.id}`).set(w.eastAgent).set('If-Match', '"1"').send({ priority: 'high' }).expect(200);
    expect(patched.body.response.dueAt).toBe('2026-11-26T02:15:00.000Z');
    expect((await t.http().get(`/api/v1/service-contracts/${contract.id}`).set(w.eastManager)).body.caseCount).toBe(2);
    const under = await t.http().get(`/api/v1/cases?serviceContractId=${contract.id}`).set(w.eastAgent).expect(200);
    expect(under.body.data.map((c: { id: string }) => c.id).sort()).toEqual([high.id, normal.id].sort());
    // after termination new cases fall back to the policy
    await t.http().post(`/api/v1/service-contracts/${contract.id}/terminate`).set(w.eastManager).send({ reason: '到期不续' }).expect(200);
    const after = (await t.http().post('/api/v1/cases').set(w.eastAgent).send({ subject: '解约后', customerId: customer, priority: 'high' }).expect(201)).body;
    expect(after.serviceContractId).toBeNull();
    expect(after.response.dueAt).toBe('2026-11-26T03:00:00.000Z');
  });
});
