/**
 * Cases over HTTP on real PostgreSQL: raising a case sets both SLA clocks from the policy's
 * business calendar; validation, data scope (another department's agent gets 404),
 * permissions (403), If-Match; the working life reply → pending (clock paused) → open
 * (clock resumed) → resolve → rate once → reopen → close, each leaving history, audit and
 * outbox rows; assignment and the recycle bin.
 */
import { Clock } from '@kehu/server-core';
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootServiceApp } from '../../test/service-test-kit';
import { CasesRepository } from './cases.repository';
import { buildCasesWorld, type Auth, type CasesWorld } from '../../test/cases-world';

describe('cases', () => {
  let t: TestApp;
  let w: CasesWorld;
  let ds: DataSource;

  // Thursday 2026-11-26 10:00 in Shanghai (the default calendar: Mon–Fri 09–12, 13–18).
  const THU_10 = '2026-11-26T02:00:00.000Z';
  const setNow = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(iso));
  const create = (body: object, auth: Auth = w.eastAgent) => t.http().post('/api/v1/cases').set(auth).send(body);
  const get = (id: string, auth: Auth = w.eastAgent) => t.http().get(`/api/v1/cases/${id}`).set(auth);
  const act = (id: string, action: string, body: object = {}, auth: Auth = w.eastAgent) => t.http().post(`/api/v1/cases/${id}/${action}`).set(auth).send(body);
  const raise = async (extra: object = {}, auth: Auth = w.eastAgent) => {
    const res = await create({ subject: '打印机卡纸，无法打印', customerId: w.ids.customer, ...extra }, auth);
    if (res.status !== 201) throw new Error(`case ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const badRequest = async (body: object, field: string, rule?: string) => {
    const res = await create({ subject: 'x', customerId: w.ids.customer, ...body }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, ...(rule ? { rule } : {}) })]));
  };

  beforeAll(async () => {
    t = await bootServiceApp();
    w = await buildCasesWorld(t);
    ds = t.app.get(DataSource);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t?.close());

  describe('raising a case', () => {
    it('sets both clocks in working time, numbers it, and leaves history, audit and outbox rows', async () => {
      setNow(THU_10);
      const c = await raise({ description: '上午开始卡纸', contactId: w.ids.contact, type: 'request', channel: 'phone' });
      expect(c).toMatchObject({ status: 'new', priority: 'normal', type: 'request', channel: 'phone', ownerId: w.ids.eastAgent, departmentId: w.ids.east, contactId: w.ids.contact, replyCount: 0, version: 1 });
      expect(c.number).toMatch(/^CS-20261126-\d{5}$/);
      expect(c.customerName).toMatch(/^上海打印科技/);
      // normal: 240 working minutes → 10–12 and 13–15 → 15:00 the same day; 1,440 → Tuesday 10:00 (Thu 7 h, Fri 8 h, Mon 8 h, Tue 1 h)
      expect(c.response).toEqual({ dueAt: '2026-11-26T07:00:00.000Z', stoppedAt: null, state: 'running' });
      expect(c.resolution).toEqual({ dueAt: '2026-12-01T02:00:00.000Z', stoppedAt: null, state: 'running' });

      const audit = await ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'case' AND entity_id = $1`, [c.id]);
      expect(audit).toEqual([expect.objectContaining({ action: 'create' })]);
      expect(audit[0].changes.subject).toEqual({ before: null, after: '打印机卡纸，无法打印' });
      const outbox = await ds.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1`, [c.id]);
      expect(outbox).toEqual([expect.objectContaining({ type: 'case.created', payload: expect.objectContaining({ customerId: w.ids.customer, priority: 'normal' }) })]);
    });

    it('answers 400 naming the field for unknown fields, wrong types, too long text and records you cannot use', async () => {
      await badRequest({ status: 'closed' }, 'status', 'whitelistValidation');
      await badRequest({ priority: 'asap' }, 'priority');
      await badRequest({ subject: 'x'.repeat(201) }, 'subject');
      await badRequest({ customerId: 'nope' }, 'customerId');
      await badRequest({ customerId: '00000000-0000-4000-8000-000000000000' }, 'customerId', 'exists');
      await badRequest({ contactId: w.ids.otherContact }, 'contactId', 'sameCustomer');
      const other = await create({ subject: 'x', customerId: w.ids.customer, ownerId: w.ids.westAgent }, w.eastManager).expect(400);
      expect(other.body.errors[0]).toMatchObject({ field: 'ownerId', rule: 'inScope' });
      // Giving a case to someone else needs service.case.assign.
      await create({ subject: 'x', customerId: w.ids.customer, ownerId: w.ids.eastAgent2 }).expect(403);
      expect((await ds.query(`SELECT count(*)::int AS n FROM service_cases WHERE subject = 'x'`))[0].n).toBe(0);
    });

    it('is refused (403) to a role without service.case.create and lists nothing to a role without read', async () => {
      await create({ subject: 'rep', customerId: w.ids.customer }, w.rep).expect(403);
      // An agent without a department could never see the case again (department scope): refused, nothing written.
      const email = `lone-agent-${Date.now()}@kehu.test`;
      await t.http().post('/api/v1/users').set(w.admin).send({ email, name: 'lone', roles: ['service_agent'], password: 'Service-pass-1' }).expect(201);
      const lone = { Authorization: `Bearer ${await t.login(email, 'Service-pass-1')}` };
      const refused = await create({ subject: 'lone', customerId: w.ids.customer }, lone).expect(403);
      expect(refused.body.detail).toMatch(/department/);
      expect((await ds.query(`SELECT count(*)::int AS n FROM service_cases WHERE subject = 'lone'`))[0].n).toBe(0);
      await t.http().get('/api/v1/cases').set(w.rep).expect(403);
    });
  });

  describe('scope and concurrency', () => {
    it('shows a case to its department and to nobody else (404, absent from lists)', async () => {
      const c = await raise({ subject: '华东的工单' });
      await get(c.id, w.eastAgent2).expect(200);
      await get(c.id, w.eastManager).expect(200);
      const hidden = await get(c.id, w.westAgent).expect(404);
      expect(hidden.body.code).toBe('NOT_FOUND');
      await t.http().patch(`/api/v1/cases/${c.id}`).set(w.westAgent).set('If-Match', '"1"').send({ subject: 'mine' }).expect(404);
      await act(c.id, 'replies', { body: 'hi' }, w.westAgent).expect(404);
      const west = await t.http().get('/api/v1/cases?q=华东的工单').set(w.westAgent).expect(200);
      expect(west.body.data).toEqual([]);
      const east = await t.http().get('/api/v1/cases?q=华东的工单&count=true').set(w.eastAgent2).expect(200);
      expect(east.body.data.map((x: { id: string }) => x.id)).toEqual([c.id]);
      expect(east.body.total).toBe(1);
    });

    it('updates with If-Match (412 stale, 428 missing) and recomputes the clocks on a new priority', async () => {
      setNow(THU_10);
      const c = await raise();
      const stale = await t.http().patch(`/api/v1/cases/${c.id}`).set(w.eastAgent).set('If-Match', '"7"').send({ subject: 'stale' }).expect(412);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      await t.http().patch(`/api/v1/cases/${c.id}`).set(w.eastAgent).send({ subject: 'none' }).expect(428);
      const res = await t.http().patch(`/api/v1/cases/${c.id}`).set(w.eastAgent).set('If-Match', '"1"').send({ priority: 'urgent', subject: '整层打印机停用' }).expect(200);
      expect(res.headers.etag).toBe('"2"');
      // urgent: 30 / 240 minutes around the clock from when it was raised
      expect(res.body).toMatchObject({ priority: 'urgent', subject: '整层打印机停用', version: 2 });
      expect(res.body.response.dueAt).toBe('2026-11-26T02:30:00.000Z');
      expect(res.body.resolution.dueAt).toBe('2026-11-26T06:00:00.000Z');
      const [audit] = await ds.query(`SELECT changes FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 AND action = 'update'`, [c.id]);
      expect(audit.changes).toEqual({ subject: { before: '打印机卡纸，无法打印', after: '整层打印机停用' }, priority: { before: 'normal', after: 'urgent' } });
    });

    it('lists with filters and keyset pages without repeats', async () => {
      for (let i = 0; i < 5; i++) await raise({ subject: `分页工单 ${i}`, priority: i % 2 ? 'high' : 'low' });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { data: { id: string; priority: string }[]; nextCursor: string | null } } = await t.http().get(`/api/v1/cases?q=分页工单&sort=-priority&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).set(w.eastAgent).expect(200);
        seen.push(...res.body.data.map((x) => x.priority));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['high', 'high', 'low', 'low', 'low']);
      const high = await t.http().get('/api/v1/cases?q=分页工单&priority=high').set(w.eastAgent).expect(200);
      expect(high.body.data).toHaveLength(2);
      const bad = await t.http().get('/api/v1/cases?sort=-subject').set(w.eastAgent).expect(400);
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('working a case', () => {
    it('reply → pending (paused) → open (resumed) → resolve → rate → reopen → resolve → close', async () => {
      setNow(THU_10);
      const c = await raise();
      // An internal note is history only.
      setNow('2026-11-26T02:20:00.000Z');
      let res = await act(c.id, 'replies', { body: '先查一下保修', internal: true }).expect(200);
      expect(res.body).toMatchObject({ status: 'new', replyCount: 0, response: { stoppedAt: null } });
      // 10:30 the first reply: response met, the case is taken up.
      setNow('2026-11-26T02:30:00.000Z');
      res = await act(c.id, 'replies', { body: '您好，请提供打印机型号。' }).expect(200);
      expect(res.body).toMatchObject({ status: 'open', replyCount: 1, response: { stoppedAt: '2026-11-26T02:30:00.000Z', state: 'met' } });
      // 11:00 waiting for the customer: resolution clock stands still with its working minutes left.
      setNow('2026-11-26T03:00:00.000Z');
      res = await act(c.id, 'status', { status: 'pending', comment: '等待客户回复型号' }).expect(200);
      expect(res.body).toMatchObject({ status: 'pending', resolution: { dueAt: null, state: 'paused' } });
      // Friday 09:00 the customer answered: 19 working hours later by the wall clock, no working minute was used up.
      setNow('2026-11-27T01:00:00.000Z');
      res = await act(c.id, 'status', { status: 'open' }).expect(200);
      // It had 1,440 − 60 = 1,380 minutes left at Thu 11:00; from Fri 09:00: Fri 480, Mon 480, Tue 420 → Tue 17:00.
      expect(res.body.resolution).toEqual({ dueAt: '2026-12-01T09:00:00.000Z', stoppedAt: null, state: 'running' });

      setNow('2026-11-27T02:00:00.000Z');
      res = await act(c.id, 'resolve', { resolution: '更换搓纸轮后恢复正常' }).expect(200);
      expect(res.body).toMatchObject({ status: 'resolved', resolutionNote: '更换搓纸轮后恢复正常', firstContactResolution: true, resolution: { stoppedAt: '2026-11-27T02:00:00.000Z', state: 'met' } });

      // Satisfaction once: two racing requests, one wins.
      const [a, b] = await Promise.all([act(c.id, 'satisfaction', { score: 5, comment: '很快' }), act(c.id, 'satisfaction', { score: 2 }, w.eastAgent2)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect([a, b].find((r) => r.status === 409)!.body.code).toBe('ALREADY_RATED');
      const rated = (await get(c.id).expect(200)).body;
      expect([5, 2]).toContain(rated.satisfaction);

      res = await act(c.id, 'reopen', { reason: '客户反馈问题再次出现' }).expect(200);
      expect(res.body).toMatchObject({ status: 'open', reopenCount: 1, firstContactResolution: false, resolution: { stoppedAt: null } });
      await act(c.id, 'resolve', { resolution: '更换定影组件' }).expect(200);
      res = await act(c.id, 'close', { comment: '客户确认' }).expect(200);
      expect(res.body).toMatchObject({ status: 'closed', closedAt: '2026-11-27T02:00:00.000Z' });

      // Closed: no replies, no edits; a note is still allowed.
      const refused = await act(c.id, 'replies', { body: 'late' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'CASE_STATUS_TRANSITION', currentStatus: 'closed' });
      await t.http().patch(`/api/v1/cases/${c.id}`).set(w.eastAgent).set('If-Match', `"${res.body.version}"`).send({ subject: 'edit' }).expect(409);
      await act(c.id, 'replies', { body: '归档备注', internal: true }).expect(200);

      const events = await t.http().get(`/api/v1/cases/${c.id}/events`).set(w.eastAgent).expect(200);
      expect(events.body.map((e: { kind: string }) => e.kind)).toEqual(['created', 'note', 'reply', 'status', 'status', 'resolved', 'satisfaction', 'reopened', 'resolved', 'closed', 'note']);
      expect(events.body[2]).toMatchObject({ body: '您好，请提供打印机型号。', actorId: w.ids.eastAgent, actorName: 'east-agent' });
      const outbox = await ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [c.id]);
      expect(outbox.map((o: { type: string }) => o.type)).toEqual(['case.created', 'case.note_added', 'case.replied', 'case.status_changed', 'case.status_changed', 'case.resolved', 'case.rated', 'case.reopened', 'case.resolved', 'case.closed', 'case.note_added']);
    });

    it('marks a late first reply and a late resolution as breached', async () => {
      setNow(THU_10);
      const c = await raise({ priority: 'urgent' });
      setNow('2026-11-26T03:00:00.000Z'); // 60 min later, target 30
      let res = await act(c.id, 'replies', { body: '抱歉久等' }).expect(200);
      expect(res.body.response.state).toBe('breached');
      setNow('2026-11-26T07:00:00.000Z'); // 5 h later, target 4 h
      res = await act(c.id, 'resolve', { resolution: '已处理' }).expect(200);
      expect(res.body.resolution.state).toBe('breached');
      const breached = await t.http().get('/api/v1/cases?breached=true').set(w.eastAgent).expect(200);
      expect(breached.body.data.map((x: { id: string }) => x.id)).toContain(c.id);
    });

    it('refuses steps the status does not allow, and a status other than open / pending', async () => {
      const c = await raise();
      const res = await act(c.id, 'close').expect(409);
      expect(res.body).toMatchObject({ code: 'CASE_STATUS_TRANSITION', currentStatus: 'new', allowed: ['resolved'] });
      await act(c.id, 'reopen', { reason: 'x' }).expect(409);
      await act(c.id, 'satisfaction', { score: 4 }).expect(409);
      const status = await act(c.id, 'status', { status: 'resolved' }).expect(400);
      expect(status.body.errors[0]).toMatchObject({ field: 'status' });
      const score = await act(c.id, 'satisfaction', { score: 6 }).expect(400);
      expect(score.body.errors[0]).toMatchObject({ field: 'score' });
      await act(c.id, 'resolve', {}).expect(400);
      const article = await act(c.id, 'resolve', { resolution: 'x', knowledgeArticleId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(article.body.errors[0]).toMatchObject({ field: 'knowledgeArticleId' });
      expect((await get(c.id)).body.status).toBe('new');
    });
  });

  describe('assignment and the recycle bin', () => {
    it('lets a manager assign within the department (not an agent, not across departments)', async () => {
      const c = await raise();
      await act(c.id, 'assign', { ownerId: w.ids.eastAgent2 }).expect(403);
      const west = await act(c.id, 'assign', { ownerId: w.ids.westAgent }, w.eastManager).expect(400);
      expect(west.body.errors[0]).toMatchObject({ field: 'ownerId', rule: 'inScope' });
      const res = await act(c.id, 'assign', { ownerId: w.ids.eastAgent2, comment: '交给二线' }, w.eastManager).expect(200);
      expect(res.body).toMatchObject({ ownerId: w.ids.eastAgent2, ownerName: 'east-agent-2', departmentId: w.ids.east });
      const [audit] = await ds.query(`SELECT changes FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 AND action = 'assign'`, [c.id]);
      expect(audit.changes.ownerId).toEqual({ before: w.ids.eastAgent, after: w.ids.eastAgent2 });
    });

    it('moves the cases of merged customers to the surviving customer', async () => {
      const c = await raise({ customerId: w.ids.customer2, contactId: w.ids.otherContact, subject: '合并前的工单' });
      const { headers } = await t.http().get(`/api/v1/customers/${w.ids.customer}`).set(w.admin).expect(200);
      const merged = await t.http().post(`/api/v1/customers/${w.ids.customer}/merge`).set(w.admin).set('If-Match', headers.etag).send({ loserIds: [w.ids.customer2] }).expect(200);
      expect(merged.body.moved.service_cases).toBe(1);
      expect((await get(c.id)).body.customerId).toBe(w.ids.customer);
    });

    it('soft-deletes (manager only) and restores', async () => {
      const c = await raise({ subject: '误建的工单' });
      await t.http().delete(`/api/v1/cases/${c.id}`).set(w.eastAgent).expect(403);
      await t.http().delete(`/api/v1/cases/${c.id}`).set(w.eastManager).expect(204);
      await get(c.id).expect(404);
      expect((await t.http().get('/api/v1/cases?q=误建的工单').set(w.eastManager)).body.data).toEqual([]);
      const back = await act(c.id, 'restore', {}, w.eastManager).expect(200);
      expect(back.body.id).toBe(c.id);
      await get(c.id).expect(200);
    });
  });

  describe('reads built by PostgreSQL', () => {
    it('answers a case by id and in the list field for field as the entity mapper does, in every clock state', async () => {
      setNow(THU_10);
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await raise({ priority: i % 2 ? 'urgent' : 'normal', description: i % 3 ? null : '说明' })).id);
      const at = (minutes: number) => new Date(Date.parse(THU_10) + minutes * 60_000).toISOString();
      // running (0), at risk (1: due in 10 minutes), breached past due unmarked (2), marked breached (3),
      // paused (4), resolved met (5, rated, FCR), resolved late (6), closed without targets (7).
      const states: [number, string, unknown[]][] = [
        [1, `response_due_at = $2, resolution_due_at = $2`, [at(10)]],
        [2, `response_due_at = $2`, [at(-5)]],
        [3, `response_breached_at = $2, resolution_breached_at = $2`, [at(-1)]],
        [4, `status = 'pending', paused_at = $2, first_responded_at = $2, reply_count = 1`, [at(-30)]],
        [5, `status = 'resolved', first_responded_at = $2, resolved_at = $2, reply_count = 1, satisfaction = 5, satisfaction_comment = '很好'`, [at(-20)]],
        [6, `status = 'resolved', resolved_at = $2, resolution_due_at = $3, reply_count = 3, reopen_count = 1`, [at(-10), at(-20)]],
        [7, `status = 'closed', response_due_at = NULL, resolution_due_at = NULL, closed_at = $2, resolved_at = $2`, [at(-2)]],
      ];
      for (const [i, set, values] of states) await ds.query(`UPDATE service_cases SET ${set} WHERE id = $1`, [ids[i], ...values]);
      setNow(at(2));
      const repo = t.app.get(CasesRepository);
      const seen = new Set<string>();
      const list = (await t.http().get('/api/v1/cases?limit=200').set(w.eastAgent).expect(200)).body.data as { id: string }[];
      for (const id of ids) {
        const expected = await repo.dto(id);
        seen.add(`${expected.response.state}/${expected.resolution.state}`);
        expect((await get(id).expect(200)).body).toEqual(expected);
        expect(list.find((c) => c.id === id)).toEqual(expected);
      }
      // The fixtures reach every state of both clocks.
      expect([...seen].join(' ')).toEqual(expect.stringContaining('at_risk'));
      for (const state of ['running', 'breached', 'paused', 'met']) expect([...seen].join(' ')).toContain(state);
    });
  });
});
