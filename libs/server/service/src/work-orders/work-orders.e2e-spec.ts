/**
 * Work orders over HTTP on real PostgreSQL: dispatching a technician for a case (history on
 * the case, a notification, audit and outbox rows), never twice at once — also when two
 * dispatchers race —, rescheduling with If-Match, the technician's check-in and completion
 * counted against the service contract's included visits, cancelling, scope and permissions.
 */
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootServiceApp } from '../../test/service-test-kit';
import { buildCasesWorld, type Auth, type CasesWorld } from '../../test/cases-world';

describe('work orders', () => {
  let t: TestApp;
  let w: CasesWorld;
  let ds: DataSource;
  const at = (hour: number, day = 30) => `2026-11-${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const book = (body: object, auth: Auth = w.eastAgent) => t.http().post('/api/v1/work-orders').set(auth).send({ technicianId: w.ids.technician, ...body });
  const act = (id: string, action: string, body: object = {}, auth: Auth = w.technician) => t.http().post(`/api/v1/work-orders/${id}/${action}`).set(auth).send(body);
  const raiseCase = async (customerId = w.ids.customer) => (await t.http().post('/api/v1/cases').set(w.eastAgent).send({ subject: '需要上门', customerId, type: 'field_job' }).expect(201)).body;

  beforeAll(async () => {
    t = await bootServiceApp();
    w = await buildCasesWorld(t);
    ds = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  it('books a technician for a case: customer from the case, history on the case, a notification, audit and outbox', async () => {
    const c = await raiseCase();
    const res = await book({ caseId: c.id, scheduledStart: at(1), scheduledEnd: at(3), instructions: '带备用搓纸轮' }).expect(201);
    expect(res.body).toMatchObject({ caseId: c.id, caseNumber: c.number, customerId: w.ids.customer, technicianId: w.ids.technician, technicianName: 'east-technician', departmentId: w.ids.east, status: 'scheduled', scheduledStart: at(1), scheduledEnd: at(3), instructions: '带备用搓纸轮', billable: null, version: 1 });
    expect(res.body.number).toMatch(/^WO-\d{8}-\d{5}$/);
    const events = (await t.http().get(`/api/v1/cases/${c.id}/events`).set(w.eastAgent)).body;
    expect(events.at(-1)).toMatchObject({ kind: 'work_order', data: expect.objectContaining({ workOrderId: res.body.id, status: 'scheduled' }) });
    // The title names the visit and its start in the service calendar's zone (Asia/Shanghai).
    expect(await ds.query(`SELECT kind, link, title FROM notifications WHERE user_id = $1 AND entity_id = $2`, [w.ids.technician, res.body.id])).toEqual([
      { kind: 'work_order.assigned', link: `/service/work-orders/${res.body.id}`, title: `${res.body.number} 2026-11-30 09:00` },
    ]);
    expect((await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'work_order' AND entity_id = $1`, [res.body.id])).map((a: { action: string }) => a.action)).toEqual(['create']);
    expect((await ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1`, [res.body.id])).map((a: { type: string }) => a.type)).toEqual(['work_order.scheduled']);
  });

  it('never books a technician twice at once: 409 naming the other visit, and one winner when two dispatchers race', async () => {
    const first = (await book({ customerId: w.ids.customer, scheduledStart: at(5), scheduledEnd: at(7) }).expect(201)).body;
    const clash = await book({ customerId: w.ids.customer, scheduledStart: at(6), scheduledEnd: at(8) }).expect(409);
    expect(clash.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(clash.body).toMatchObject({ code: 'TECHNICIAN_BUSY', workOrderId: first.id, number: first.number });
    // back to back is fine
    await book({ customerId: w.ids.customer, scheduledStart: at(7), scheduledEnd: at(8) }).expect(201);
    // two dispatchers, one free slot
    const [a, b] = await Promise.all([
      book({ customerId: w.ids.customer, scheduledStart: at(10), scheduledEnd: at(12) }),
      book({ customerId: w.ids.customer2, scheduledStart: at(11), scheduledEnd: at(13) }, w.eastManager),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    // The loser learns which visit won, whether the pre-check or the constraint refused it.
    const [winner, loser] = a.status === 201 ? [a, b] : [b, a];
    expect(loser.body).toMatchObject({ code: 'TECHNICIAN_BUSY', workOrderId: winner.body.id, number: winner.body.number });
    expect((await ds.query(`SELECT count(*)::int AS n FROM work_orders WHERE technician_id = $1 AND scheduled_start >= $2 AND scheduled_start < $3`, [w.ids.technician, at(10), at(14)]))[0].n).toBe(1);
    // a cancelled visit frees the slot
    await act(first.id, 'cancel', { reason: '客户改期' }, w.eastAgent).expect(200);
    await book({ customerId: w.ids.customer, scheduledStart: at(6), scheduledEnd: at(7) }).expect(201);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bad = async (body: object, field: string, rule?: string) => {
      const res = await book({ customerId: w.ids.customer, scheduledStart: at(1, 29), scheduledEnd: at(2, 29), ...body }).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, ...(rule ? { rule } : {}) })]));
    };
    await bad({ scheduledEnd: at(1, 29) }, 'scheduledEnd', 'afterStart');
    await bad({ scheduledEnd: at(1, 29).replace('29T', '28T').replace('-11-28', '-12-04') }, 'scheduledEnd', 'maxDuration');
    await bad({ customerId: undefined }, 'customerId', 'required');
    await bad({ technicianId: w.ids.eastAgent2 }, 'technicianId', 'canExecute');
    await bad({ technicianId: w.ids.westTechnician }, 'technicianId', 'inScope');
    await bad({ scheduledStart: 'tomorrow' }, 'scheduledStart');
    await bad({ priority: 'high' }, 'priority');
    const other = await raiseCase(w.ids.customer2);
    await bad({ caseId: other.id, customerId: w.ids.customer }, 'customerId', 'sameAsCase');
  });

  it('reschedules with If-Match while scheduled, checking the new window, and says so on the case', async () => {
    const c = await raiseCase();
    const wo = (await book({ caseId: c.id, scheduledStart: at(1, 27), scheduledEnd: at(2, 27) }).expect(201)).body;
    await book({ customerId: w.ids.customer, scheduledStart: at(4, 27), scheduledEnd: at(6, 27) }).expect(201);
    await t.http().patch(`/api/v1/work-orders/${wo.id}`).set(w.eastAgent).set('If-Match', '"1"').send({ scheduledStart: at(5, 27), scheduledEnd: at(7, 27) }).expect(409);
    await t.http().patch(`/api/v1/work-orders/${wo.id}`).set(w.eastAgent).set('If-Match', '"9"').send({ address: 'x' }).expect(412);
    const moved = await t.http().patch(`/api/v1/work-orders/${wo.id}`).set(w.eastAgent).set('If-Match', '"1"').send({ scheduledStart: at(8, 27), scheduledEnd: at(9, 27), address: '上海市浦东新区 1 号' }).expect(200);
    expect(moved.body).toMatchObject({ scheduledStart: at(8, 27), address: '上海市浦东新区 1 号', version: 2 });
    const [audit] = await ds.query(`SELECT changes FROM audit_events WHERE entity_type = 'work_order' AND entity_id = $1 AND action = 'update'`, [wo.id]);
    expect(Object.keys(audit.changes).sort()).toEqual(['address', 'scheduledEnd', 'scheduledStart']);
    const events = (await t.http().get(`/api/v1/cases/${c.id}/events`).set(w.eastAgent)).body;
    expect(events.at(-1)).toMatchObject({ kind: 'work_order', data: expect.objectContaining({ workOrderId: wo.id, rescheduled: true, scheduledStart: at(8, 27), technicianId: w.ids.technician }) });
  });

  it("counts completed visits against the contract's included visits; beyond them a visit is billable", async () => {
    const customer = (await ds.query(`INSERT INTO customers (name, name_key) VALUES ('维保客户', '维保客户') RETURNING id`))[0].id;
    const contract = (await t.http().post('/api/v1/service-contracts').set(w.eastManager).send({ name: '两次上门', customerId: customer, startDate: '2026-01-01', endDate: '2027-12-31', visitsIncluded: 1 }).expect(201)).body;
    const visit = async (hour: number) => (await book({ customerId: customer, scheduledStart: at(hour, 25), scheduledEnd: at(hour + 1, 25) }).expect(201)).body;
    const one = await visit(1);
    const two = await visit(3);
    expect(one.serviceContractId).toBe(contract.id);
    let res = await act(one.id, 'start').expect(200);
    expect(res.body.status).toBe('in_progress');
    res = await act(one.id, 'complete', { result: '已更换配件', signedBy: '王经理' }).expect(200);
    expect(res.body).toMatchObject({ status: 'completed', billable: false, signedBy: '王经理', result: '已更换配件' });
    res = await act(two.id, 'complete', { result: '复查' }).expect(200);
    expect(res.body).toMatchObject({ status: 'completed', billable: true });
    expect(res.body.startedAt).toBe(res.body.completedAt);
    const c = (await t.http().get(`/api/v1/service-contracts/${contract.id}`).set(w.eastManager)).body;
    expect(c).toMatchObject({ visitsIncluded: 1, visitsUsed: 1 });
    await act(one.id, 'cancel', { reason: 'late' }, w.eastAgent).expect(409);
  });

  it("lets a technician read the case they are sent to (and its history), not change it; others' cases stay 404", async () => {
    const c = await raiseCase();
    const other = await raiseCase();
    await t.http().get(`/api/v1/cases/${c.id}`).set(w.technician).expect(404);
    await book({ caseId: c.id, scheduledStart: at(1, 23), scheduledEnd: at(2, 23) }).expect(201);
    const read = await t.http().get(`/api/v1/cases/${c.id}`).set(w.technician).expect(200);
    expect(read.body).toMatchObject({ id: c.id, subject: '需要上门' });
    const events = await t.http().get(`/api/v1/cases/${c.id}/events`).set(w.technician).expect(200);
    expect(events.body.at(-1)).toMatchObject({ kind: 'work_order' });
    await t.http().patch(`/api/v1/cases/${c.id}`).set(w.technician).set('If-Match', `"${read.body.version}"`).send({ subject: '改' }).expect(404);
    await t.http().get(`/api/v1/cases/${other.id}`).set(w.technician).expect(404);
    await t.http().get(`/api/v1/cases/${other.id}/events`).set(w.technician).expect(404);
    await t.http().get(`/api/v1/cases/${c.id}`).set(w.westTechnician).expect(404);
  });

  it("shows technicians their own visits only; other departments get 404; agents may not check in", async () => {
    const wo = (await book({ customerId: w.ids.customer, scheduledStart: at(1, 24), scheduledEnd: at(2, 24) }).expect(201)).body;
    await t.http().get(`/api/v1/work-orders/${wo.id}`).set(w.technician).expect(200);
    await t.http().get(`/api/v1/work-orders/${wo.id}`).set(w.westTechnician).expect(404);
    await t.http().get(`/api/v1/work-orders/${wo.id}`).set(w.westAgent).expect(404);
    await act(wo.id, 'start', {}, w.westTechnician).expect(404);
    await act(wo.id, 'start', {}, w.eastAgent).expect(403);
    await book({ customerId: w.ids.customer, scheduledStart: at(3, 24), scheduledEnd: at(4, 24) }, w.technician).expect(403);
    const day = await t.http().get(`/api/v1/work-orders?from=${at(0, 24)}&to=${at(0, 25)}`).set(w.technician).expect(200);
    expect(day.body.data.map((x: { id: string }) => x.id)).toEqual([wo.id]);
    const west = await t.http().get(`/api/v1/work-orders?from=${at(0, 24)}&to=${at(0, 25)}`).set(w.westTechnician).expect(200);
    expect(west.body.data).toEqual([]);
    await t.http().get(`/api/v1/work-orders?from=${at(0, 24)}&to=${at(0, 23)}`).set(w.technician).expect(400);
    await t.http().get(`/api/v1/work-orders?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z`).set(w.technician).expect(400);
  });
});
