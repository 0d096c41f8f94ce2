/**
 * Follow-ups on leads (跟进记录 on 线索) through HTTP on real PostgreSQL: logging on a lead
 * (its own path and POST /activities with leadId), the lead timeline, lastContactedAt and
 * new → contacted, data scope of the lead, and conversion moving the history to the
 * customer exactly once (also with two concurrent conversions).
 */
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootSalesApp } from '../../test/sales-test-kit';

const PASSWORD = 'LeadAct-pass-123';
type Auth = Record<string, string>;

describe('follow-ups on leads', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  let seq = 0;
  const ctx = {} as { east: string; west: string; rep: Auth; repId: string; westRep: Auth; westRepId: string; manager: Auth };

  const post = async (url: string, body: object, auth: Auth = admin) => {
    const res = await t.http().post(url).set(auth).send(body);
    if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const loginAs = async (name: string, roles: string[], departmentId: string) => {
    const email = `${name}-${++seq}@kehu.test`;
    const id = (await post('/api/v1/users', { email, name, roles, password: PASSWORD, departmentId })).id as string;
    return { id, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
  };
  const lead = (extra: object = {}, auth: Auth = ctx.rep) => post('/api/v1/leads?allowDuplicate=true', { personName: `跟进线索 ${++seq}`, companyName: `跟进测试公司 ${seq}`, ownerId: ctx.repId, ...extra }, auth);
  const log = (leadId: string, body: object, auth: Auth = ctx.rep) => t.http().post(`/api/v1/leads/${leadId}/activities`).set(auth).send(body);
  const timeline = (leadId: string, auth: Auth = ctx.rep, query = '') => t.http().get(`/api/v1/leads/${leadId}/activities${query}`).set(auth);
  const getLead = async (id: string, auth: Auth = ctx.rep) => (await t.http().get(`/api/v1/leads/${id}`).set(auth)).body;
  const convert = (id: string, version: number, body: object = {}, auth: Auth = ctx.rep) =>
    t.http().post(`/api/v1/leads/${id}/convert?allowDuplicate=true`).set(auth).set('If-Match', `"${version}"`).send(body);
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  beforeAll(async () => {
    t = await bootSalesApp();
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    ctx.east = (await post('/api/v1/departments', { name: '华东' })).id;
    ctx.west = (await post('/api/v1/departments', { name: '西部' })).id;
    const rep = await loginAs('rep', ['sales_rep'], ctx.east);
    const westRep = await loginAs('west', ['sales_rep'], ctx.west);
    const manager = await loginAs('manager', ['sales_manager'], ctx.east);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, westRep: westRep.auth, westRepId: westRep.id, manager: manager.auth });
  });
  afterAll(() => t?.close());

  it('logs a call on a new lead: filed on the lead (no customer), lastContactedAt set, status new → contacted, audited', async () => {
    const l = await lead();
    const at = ago(30);
    const res = await log(l.id, { type: 'call', subject: '首次电话', body: '对报价感兴趣', occurredAt: at, durationMinutes: 5 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'call', channel: 'phone', subject: '首次电话', customerId: null, contactId: null, leadId: l.id, ownerId: ctx.repId, occurredAt: at });
    const after = await getLead(l.id);
    expect(after).toMatchObject({ status: 'contacted', lastContactedAt: at, version: 2 });
    expect(await ds.query(`SELECT count(*)::int AS n FROM activities WHERE id = $1`, [res.body.id])).toEqual([{ n: 0 }]);
    const audit = await ds.query(`SELECT entity_type, action FROM audit_events WHERE entity_id IN ($1, $2) ORDER BY entity_type`, [res.body.id, l.id]);
    expect(audit).toEqual(expect.arrayContaining([{ entity_type: 'activity', action: 'create' }, { entity_type: 'lead', action: 'update' }]));
    expect(await ds.query(`SELECT payload->>'leadId' AS lead FROM outbox_events WHERE type = 'activity.created' AND aggregate_id = $1`, [res.body.id])).toEqual([{ lead: l.id }]);
    const list = await timeline(l.id);
    expect(list.status).toBe(200);
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
  });

  it('a note does not count as contact; an older follow-up never moves lastContactedAt back; the timeline is newest first with paging', async () => {
    const l = await lead();
    const note = await log(l.id, { type: 'note', subject: '官网留言', occurredAt: ago(60) });
    expect(note.status).toBe(201);
    expect(await getLead(l.id)).toMatchObject({ status: 'new', lastContactedAt: note.body.occurredAt, version: 1 });
    const visit = await log(l.id, { type: 'visit', subject: '上门拜访', occurredAt: ago(10) });
    const email = await log(l.id, { type: 'email', subject: '补发资料', occurredAt: ago(120) });
    expect(await getLead(l.id)).toMatchObject({ status: 'contacted', lastContactedAt: visit.body.occurredAt });
    const page1 = await timeline(l.id, ctx.rep, '?limit=2');
    expect(page1.body.data.map((a: { subject: string }) => a.subject)).toEqual(['上门拜访', '官网留言']);
    const page2 = await timeline(l.id, ctx.rep, `?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.data.map((a: { id: string }) => a.id)).toEqual([email.body.id]);
    // A qualified lead stays qualified.
    const q = await lead({ status: 'qualified' });
    await log(q.id, { type: 'call', subject: '再次确认' });
    expect((await getLead(q.id)).status).toBe('qualified');
  });

  it('POST /activities and quick entry take leadId instead of customerId; exactly one of the two; no tasks or contacts on a lead', async () => {
    const l = await lead();
    const customer = await post('/api/v1/customers?allowDuplicate=true', { name: `已有客户 ${++seq}`, ownerId: ctx.repId }, ctx.rep);
    const full = await t.http().post('/api/v1/activities').set(ctx.rep).send({ leadId: l.id, type: 'meeting', subject: '线上会议' });
    expect(full.status).toBe(201);
    expect(full.body).toMatchObject({ leadId: l.id, customerId: null, type: 'meeting' });
    const quick = await t.http().post('/api/v1/activities/quick').set(ctx.rep).send({ leadId: l.id, type: 'call', text: '回电\n约了下周演示' });
    expect(quick.status).toBe(201);
    expect(quick.body).toMatchObject({ leadId: l.id, customerId: null, subject: '回电', body: '约了下周演示' });
    const bad = async (body: object, field: string, url = '/api/v1/activities') => {
      const res = await t.http().post(url).set(ctx.rep).send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ type: 'call', subject: 'x' }, 'customerId');
    await bad({ customerId: customer.id, leadId: l.id, type: 'call', subject: 'x' }, 'customerId');
    await bad({ type: 'call', text: 'x' }, 'customerId', '/api/v1/activities/quick');
    await bad({ leadId: l.id, type: 'task', subject: '明天回电' }, 'type');
    await bad({ leadId: l.id, contactId: customer.id, type: 'call', subject: 'x' }, 'contactId');
    await bad({ leadId: 'not-a-uuid', type: 'call', subject: 'x' }, 'leadId');
    const own = await log(l.id, { type: 'call', subject: 'x', unknown: 1 });
    expect(own.status).toBe(400);
    expect(own.body.errors.map((e: { field: string }) => e.field)).toContain('unknown');
    expect((await log(l.id, { type: 'call', subject: 'x', occurredAt: new Date(Date.now() + 86_400_000).toISOString() })).body.errors[0].field).toBe('occurredAt');
    expect((await timeline(l.id)).body.data).toHaveLength(2);
  });

  it("another department's rep cannot see or log on the lead (404; 400 naming leadId through /activities); the lead's own department can", async () => {
    const l = await lead();
    await log(l.id, { type: 'call', subject: '内部跟进' });
    expect((await timeline(l.id, ctx.westRep)).status).toBe(404);
    const res = await log(l.id, { type: 'call', subject: '越权跟进' }, ctx.westRep);
    expect(res.status).toBe(404);
    const viaActivities = await t.http().post('/api/v1/activities').set(ctx.westRep).send({ leadId: l.id, type: 'call', subject: '越权跟进' });
    expect(viaActivities.status).toBe(400);
    expect(viaActivities.body.errors[0].field).toBe('leadId');
    expect(await ds.query(`SELECT subject FROM lead_activities WHERE lead_id = $1`, [l.id])).toEqual([{ subject: '内部跟进' }]);
    // Nor does it appear in their activity lists.
    const westList = await t.http().get('/api/v1/activities?limit=200').set(ctx.westRep);
    expect(westList.body.data.some((a: { leadId: string | null }) => a.leadId === l.id)).toBe(false);
    // The manager of the lead's department sees the timeline and may log.
    expect((await timeline(l.id, ctx.manager)).body.data).toHaveLength(1);
    expect((await log(l.id, { type: 'note', subject: '经理批注' }, ctx.manager)).status).toBe(201);
  });

  it('a follow-up on a lead is read, corrected and deleted through /activities/{id}; lastContactedAt follows; others get 404', async () => {
    const l = await lead();
    const older = (await log(l.id, { type: 'call', subject: '第一次电话', occurredAt: ago(120) })).body;
    const newer = (await log(l.id, { type: 'email', subject: '发送资料', occurredAt: ago(30) })).body;
    const activity = (id: string, auth: Auth = ctx.rep) => t.http().get(`/api/v1/activities/${id}`).set(auth);
    const patch = (id: string, version: number, body: object, auth: Auth = ctx.rep) => t.http().patch(`/api/v1/activities/${id}`).set(auth).set('If-Match', `"${version}"`).send(body);

    const got = await activity(newer.id);
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.body).toMatchObject({ id: newer.id, leadId: l.id, customerId: null, subject: '发送资料' });
    expect((await activity(newer.id, ctx.westRep)).status).toBe(404);
    expect((await patch(newer.id, 1, { subject: '越权' }, ctx.westRep)).status).toBe(404);

    // Corrected: moved further back in time, lastContactedAt falls back to the newest one.
    const fixed = await patch(newer.id, 1, { subject: '发送报价资料', occurredAt: ago(240) });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ subject: '发送报价资料', version: 2 });
    expect((await getLead(l.id)).lastContactedAt).toBe(older.occurredAt);
    expect((await patch(newer.id, 1, { subject: '过期' })).status).toBe(412);
    for (const [body, field] of [
      [{ type: 'task' }, 'type'],
      [{ dueAt: ago(0) }, 'dueAt'],
      [{ leadId: (await lead()).id }, 'leadId'],
    ] as const) {
      const bad = await patch(newer.id, 2, body);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe(field);
    }
    // Only tasks are completed: a call is a conflict, not a missing record.
    expect((await t.http().post(`/api/v1/activities/${older.id}/complete`).set(ctx.rep)).status).toBe(409);

    // Deleted: gone from the timeline, lastContactedAt recomputed from what is left.
    expect((await t.http().delete(`/api/v1/activities/${older.id}`).set(ctx.manager)).status).toBe(204);
    expect((await timeline(l.id)).body.data.map((a: { id: string }) => a.id)).toEqual([newer.id]);
    expect((await getLead(l.id)).lastContactedAt).toBe(fixed.body.occurredAt);
    expect((await activity(older.id)).status).toBe(404);
    const audit = await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'activity' AND entity_id IN ($1, $2) ORDER BY id`, [older.id, newer.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['create', 'create', 'update', 'delete']);
  });

  it("conversion moves the lead's history onto the customer, contact and opportunity; last_follow_up_at reflects it; the lead's timeline still shows it", async () => {
    const customer = await post('/api/v1/customers?allowDuplicate=true', { name: `老客户 ${++seq}`, ownerId: ctx.repId }, ctx.rep);
    const l = await lead();
    const call = (await log(l.id, { type: 'call', subject: '需求沟通', occurredAt: ago(90) })).body;
    const visit = (await log(l.id, { type: 'visit', subject: '现场考察', occurredAt: ago(20) })).body;
    // Until conversion the customer is untouched.
    expect((await t.http().get(`/api/v1/customers/${customer.id}`).set(ctx.rep)).body.lastFollowUpAt).toBeNull();
    const version = (await getLead(l.id)).version;
    const res = await convert(l.id, version, { customerId: customer.id, createOpportunity: { name: '首单', amount: 1000 } });
    expect(res.status).toBe(200);
    expect(res.body.movedActivities).toBe(2);
    const { contactId, opportunityId } = res.body;
    const onCustomer = await t.http().get(`/api/v1/activities?customerId=${customer.id}`).set(ctx.rep);
    expect(onCustomer.body.data.map((a: { id: string }) => a.id)).toEqual([visit.id, call.id]);
    for (const a of onCustomer.body.data) expect(a).toMatchObject({ customerId: customer.id, contactId, opportunityId, leadId: l.id, ownerId: ctx.repId });
    expect((await t.http().get(`/api/v1/customers/${customer.id}`).set(ctx.rep)).body.lastFollowUpAt).toBe(visit.occurredAt);
    expect(await ds.query(`SELECT count(*)::int AS n FROM lead_activities WHERE lead_id = $1`, [l.id])).toEqual([{ n: 0 }]);
    expect((await timeline(l.id)).body.data.map((a: { id: string; customerId: string }) => [a.id, a.customerId])).toEqual([
      [visit.id, customer.id],
      [call.id, customer.id],
    ]);
    // The moved follow-ups are ordinary customer activities now: readable and editable.
    expect((await t.http().get(`/api/v1/activities/${call.id}`).set(ctx.rep)).status).toBe(200);
    // A converted lead takes no more follow-ups.
    const late = await log(l.id, { type: 'call', subject: '转化后' });
    expect(late.status).toBe(409);
    expect(late.body.customerId).toBe(customer.id);
  });

  it('a newer follow-up on the customer is not moved back by older lead history', async () => {
    const customer = await post('/api/v1/customers?allowDuplicate=true', { name: `近期客户 ${++seq}`, ownerId: ctx.repId }, ctx.rep);
    const recent = await post('/api/v1/activities', { customerId: customer.id, type: 'call', subject: '最新电话', occurredAt: ago(1) }, ctx.rep);
    const l = await lead();
    await log(l.id, { type: 'call', subject: '很久以前', occurredAt: ago(600) });
    const res = await convert(l.id, (await getLead(l.id)).version, { customerId: customer.id });
    expect(res.body.movedActivities).toBe(1);
    expect((await t.http().get(`/api/v1/customers/${customer.id}`).set(ctx.rep)).body.lastFollowUpAt).toBe(recent.occurredAt);
  });

  it('two concurrent conversions: one wins, the history moves once, onto the winning customer', async () => {
    const l = await lead({ companyName: `并发跟进转化 ${++seq}` });
    for (let i = 0; i < 3; i++) await log(l.id, { type: 'call', subject: `电话 ${i}`, occurredAt: ago(10 + i) });
    const version = (await getLead(l.id)).version;
    const [a, b] = await Promise.all([convert(l.id, version), convert(l.id, version, {}, ctx.manager)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    expect(winner.body.movedActivities).toBe(3);
    const rows = await ds.query(`SELECT customer_id, count(*)::int AS n FROM activities WHERE lead_id = $1 GROUP BY customer_id`, [l.id]);
    expect(rows).toEqual([{ customer_id: winner.body.customerId, n: 3 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM lead_activities WHERE lead_id = $1`, [l.id])).toEqual([{ n: 0 }]);
    const [audit] = await ds.query(`SELECT changes->'movedActivities'->>'after' AS moved FROM audit_events WHERE entity_id = $1 AND action = 'convert'`, [l.id]);
    expect(audit.moved).toBe('3');
  });
});
