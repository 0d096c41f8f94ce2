/**
 * Follow-ups (跟进记录) through HTTP on real PostgreSQL: create / quick entry / timeline,
 * the customer's last_follow_up_at kept in the same transaction, tasks and my-tasks,
 * validation, data scope and optimistic concurrency.
 */
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootSalesApp } from '../../test/sales-test-kit';
import { Activity } from './activity.entity';
import { toActivityDto } from './activity.mapper';

const PASSWORD = 'Rep-pass-12345';
type Auth = Record<string, string>;

describe('activities', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  const ctx = {} as { east: string; west: string; rep: Auth; repId: string; mate: Auth; mateId: string; manager: Auth; westRep: Auth; westRepId: string; clerk: Auth; clerkId: string };

  const api = (auth: Auth) => ({
    create: (body: object) => t.http().post('/api/v1/activities').set(auth).send(body),
    quick: (body: object) => t.http().post('/api/v1/activities/quick').set(auth).send(body),
    list: (query = '') => t.http().get(`/api/v1/activities${query}`).set(auth),
    myTasks: (query = '') => t.http().get(`/api/v1/activities/my-tasks${query}`).set(auth),
    get: (id: string) => t.http().get(`/api/v1/activities/${id}`).set(auth),
    patch: (id: string, version: number | string, body: object) => t.http().patch(`/api/v1/activities/${id}`).set(auth).set('If-Match', `"${version}"`).send(body),
    remove: (id: string) => t.http().delete(`/api/v1/activities/${id}`).set(auth),
    complete: (id: string) => t.http().post(`/api/v1/activities/${id}/complete`).set(auth),
  });
  const customer = async (auth: Auth, name: string): Promise<string> => {
    const res = await t.http().post('/api/v1/customers?allowDuplicate=true').set(auth).send({ name });
    if (res.status !== 201) throw new Error(`customer ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const lastFollowUp = async (customerId: string): Promise<string | null> =>
    (await ds.query(`SELECT last_follow_up_at FROM customers WHERE id = $1`, [customerId]))[0].last_follow_up_at?.toISOString() ?? null;
  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
  const call = (customerId: string, occurredAt: string, extra: object = {}) => ({ customerId, type: 'call', subject: `call ${occurredAt}`, occurredAt, ...extra });

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
    const westRep = await user('west@kehu.test', ['sales_rep'], ctx.west);
    const clerk = await user('clerk@kehu.test', ['clerk'], ctx.west);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, mate: mate.auth, mateId: mate.id, westRep: westRep.auth, westRepId: westRep.id, clerk: clerk.auth, clerkId: clerk.id });
    ctx.manager = (await user('manager@kehu.test', ['sales_manager'], ctx.east)).auth;
  });
  afterAll(() => t?.close());

  describe('create', () => {
    it('stores a follow-up owned by the caller, with audit, outbox and the customer touched in the same transaction', async () => {
      const customerId = await customer(ctx.rep, '上海跟进测试有限公司');
      const occurredAt = daysAgo(1);
      const res = await api(ctx.rep).create({
        customerId,
        type: 'call',
        subject: '  电话沟通报价 ',
        body: '客户希望下周给出正式报价',
        outcome: '待报价',
        occurredAt,
        durationMinutes: 15,
        participants: [{ userId: ctx.mateId }, { name: '王经理' }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ customerId, type: 'call', channel: 'phone', subject: '电话沟通报价', ownerId: ctx.repId, departmentId: ctx.east, createdBy: ctx.repId, occurredAt, done: false, dueAt: null, version: 1 });
      expect(res.body.participants).toEqual([{ userId: ctx.mateId, name: null }, { userId: null, name: '王经理' }]);
      const [row] = await ds.query(`SELECT owner_id, department_id, channel, body, duration_minutes, participants FROM activities WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ owner_id: ctx.repId, department_id: ctx.east, channel: 'phone', body: '客户希望下周给出正式报价', duration_minutes: 15, participants: [{ userId: ctx.mateId, name: null }, { userId: null, name: '王经理' }] });
      expect(await lastFollowUp(customerId)).toBe(occurredAt);
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'activity' AND entity_id = $1`, [res.body.id])).toEqual([{ action: 'create' }]);
      expect(await ds.query(`SELECT type, payload->>'customerId' AS customer FROM outbox_events WHERE aggregate_id = $1`, [res.body.id])).toEqual([{ type: 'activity.created', customer: customerId }]);
      const got = await api(ctx.rep).get(res.body.id);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual(res.body);
      const edited = await api(ctx.rep).patch(res.body.id, 1, { participants: [{ name: '李总' }], durationMinutes: null });
      expect(edited.status).toBe(200);
      expect((await ds.query(`SELECT participants, duration_minutes FROM activities WHERE id = $1`, [res.body.id]))[0]).toEqual({ participants: [{ userId: null, name: '李总' }], duration_minutes: null });
      expect(await lastFollowUp(customerId)).toBe(occurredAt);
    });

    it('lets a clerk enter for a rep: owner and department are the rep, createdBy and audit name the clerk', async () => {
      const customerId = await customer(ctx.rep, '代录入客户有限公司');
      const grant = await t.http().post('/api/v1/delegations').set(admin).send({ clerkId: ctx.clerkId, repId: ctx.repId, endsAt: new Date(Date.now() + 86_400_000).toISOString() });
      expect(grant.status).toBe(201);
      const res = await api({ ...ctx.clerk, 'X-On-Behalf-Of': ctx.repId }).quick({ customerId, type: 'visit', text: '上门拜访' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ownerId: ctx.repId, departmentId: ctx.east, createdBy: ctx.clerkId, channel: 'visit' });
      expect(await ds.query(`SELECT actor_id, on_behalf_of_id FROM audit_events WHERE entity_id = $1`, [res.body.id])).toEqual([{ actor_id: ctx.clerkId, on_behalf_of_id: ctx.repId }]);
    });
  });

  describe("the customer's last_follow_up_at", () => {
    it('moves forward with a newer follow-up, not back with an older one, and is recomputed when the newest is deleted', async () => {
      const customerId = await customer(ctx.rep, '最近跟进测试有限公司');
      expect(await lastFollowUp(customerId)).toBeNull();
      const twoDays = (await api(ctx.rep).create(call(customerId, daysAgo(2)))).body;
      expect(await lastFollowUp(customerId)).toBe(twoDays.occurredAt);
      const fiveDays = (await api(ctx.rep).create(call(customerId, daysAgo(5)))).body;
      expect(await lastFollowUp(customerId)).toBe(twoDays.occurredAt);
      const oneDay = (await api(ctx.rep).create(call(customerId, daysAgo(1)))).body;
      expect(await lastFollowUp(customerId)).toBe(oneDay.occurredAt);
      // Deleting an older one changes nothing; deleting the newest falls back to the next.
      expect((await api(ctx.manager).remove(fiveDays.id)).status).toBe(204);
      expect(await lastFollowUp(customerId)).toBe(oneDay.occurredAt);
      expect((await api(ctx.manager).remove(oneDay.id)).status).toBe(204);
      expect(await lastFollowUp(customerId)).toBe(twoDays.occurredAt);
      // Moving the newest into the past recomputes too.
      const moved = await api(ctx.rep).patch(twoDays.id, 1, { occurredAt: daysAgo(10) });
      expect(moved.status).toBe(200);
      expect(await lastFollowUp(customerId)).toBe(moved.body.occurredAt);
      expect((await api(ctx.manager).remove(twoDays.id)).status).toBe(204);
      expect(await lastFollowUp(customerId)).toBeNull();
      expect((await api(ctx.rep).get(twoDays.id)).status).toBe(404);
      expect((await ds.query(`SELECT deleted_at IS NOT NULL AS gone FROM activities WHERE id = $1`, [twoDays.id]))[0].gone).toBe(true);
    });

    it('counts a task only once it is done', async () => {
      const customerId = await customer(ctx.rep, '任务跟进测试有限公司');
      const task = (await api(ctx.rep).create({ customerId, type: 'task', subject: '下周回访', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() })).body;
      expect(await lastFollowUp(customerId)).toBeNull();
      const done = (await api(ctx.rep).complete(task.id)).body;
      expect(await lastFollowUp(customerId)).toBe(done.doneAt);
    });

    it('stays unchanged when the activity insert fails after the customer was updated (one transaction)', async () => {
      const customerId = await customer(ctx.rep, '回滚测试有限公司');
      const first = (await api(ctx.rep).create(call(customerId, daysAgo(3)))).body;
      // A trigger makes the insert itself fail; the customer row was already updated by then.
      await ds.query(`CREATE FUNCTION refuse_activity() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`);
      await ds.query(`CREATE TRIGGER refuse_activity BEFORE INSERT ON activities FOR EACH ROW WHEN (NEW.subject = 'boom') EXECUTE FUNCTION refuse_activity()`);
      try {
        const res = await api(ctx.rep).create({ ...call(customerId, daysAgo(0)), subject: 'boom' });
        expect(res.status).toBe(500);
        expect(res.body.code).toBe('INTERNAL_ERROR');
      } finally {
        await ds.query(`DROP TRIGGER refuse_activity ON activities; DROP FUNCTION refuse_activity()`);
      }
      expect(await lastFollowUp(customerId)).toBe(first.occurredAt);
      expect((await ds.query(`SELECT count(*)::int AS n FROM activities WHERE customer_id = $1`, [customerId]))[0].n).toBe(1);
      expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'activity.created' AND payload->>'customerId' = $1`, [customerId]))[0].n).toBe(1);
    });

    it('refuses a follow-up dated in the future (it would hold the customer out of the pool)', async () => {
      const customerId = await customer(ctx.rep, '未来日期测试有限公司');
      const res = await api(ctx.rep).create(call(customerId, new Date(Date.now() + 86_400_000).toISOString()));
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'occurredAt', rule: 'notFuture' });
      expect(await lastFollowUp(customerId)).toBeNull();
    });
  });

  describe('quick entry and the timeline', () => {
    let customerId: string;
    beforeAll(async () => {
      customerId = await customer(ctx.rep, '快速录入测试有限公司');
    });

    it('turns { customerId, type, text } into a full activity in one round trip', async () => {
      const before = Date.now();
      const res = await api(ctx.rep).quick({ customerId, type: 'call', text: '电话沟通报价\n客户希望下周给出正式报价\n预算 20 万' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ customerId, type: 'call', channel: 'phone', subject: '电话沟通报价', body: '客户希望下周给出正式报价\n预算 20 万', ownerId: ctx.repId, participants: [], contactId: null });
      expect(new Date(res.body.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(await lastFollowUp(customerId)).toBe(res.body.occurredAt);
      const [row] = await ds.query(`SELECT subject, body FROM activities WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ subject: '电话沟通报价', body: '客户希望下周给出正式报价\n预算 20 万' });
    });

    it('cuts a long first line at 100 characters and keeps the rest in the body; a one-liner has no body', async () => {
      const long = '长'.repeat(130);
      const res = await api(ctx.rep).quick({ customerId, type: 'note', text: long });
      expect(res.body).toMatchObject({ subject: '长'.repeat(100), body: '长'.repeat(30), channel: 'other' });
      expect((await api(ctx.rep).quick({ customerId, type: 'note', text: '  只有一行  ' })).body).toMatchObject({ subject: '只有一行', body: null });
      const bad = await api(ctx.rep).quick({ customerId, type: 'note', text: 'x', subject: 'no' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('subject');
    });

    it("lists the customer's timeline newest first, paging by keyset over occurred_at DESC, id DESC", async () => {
      for (const d of [4, 3, 3, 2]) await api(ctx.rep).create(call(customerId, daysAgo(d)));
      const all = (await api(ctx.rep).list(`?customerId=${customerId}&limit=200`)).body.data as { id: string; occurredAt: string }[];
      expect(all.length).toBe(7);
      expect(all.map((a) => a.occurredAt)).toEqual([...all.map((a) => a.occurredAt)].sort().reverse());
      const paged: string[] = [];
      let cursor = '';
      do {
        const page = (await api(ctx.rep).list(`?customerId=${customerId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
        paged.push(...page.data.map((a: { id: string }) => a.id));
        cursor = page.nextCursor ?? '';
      } while (cursor);
      expect(paged).toEqual(all.map((a) => a.id));
      const oldestFirst = (await api(ctx.rep).list(`?customerId=${customerId}&sort=occurredAt&limit=200`)).body.data.map((a: { id: string }) => a.id);
      expect(oldestFirst[0]).toBe(all[all.length - 1].id);
      const window = (await api(ctx.rep).list(`?customerId=${customerId}&from=${daysAgo(3.5)}&to=${daysAgo(2.5)}&type=call`)).body.data;
      expect(window).toHaveLength(2);
      expect((await api(ctx.rep).list('?sort=subject')).body.errors[0].field).toBe('sort');
    });

    it('lists each follow-up exactly as the entity mapper would (the JSON PostgreSQL builds)', async () => {
      const created = (await api(ctx.rep).create({ ...call(customerId, daysAgo(1)), body: '详谈', outcome: '有意向', durationMinutes: 25, participants: [{ name: '王经理' }] })).body;
      await ds.query(`UPDATE activities SET due_at = '2026-06-07 08:09:10.123999+08', reminder_at = '2026-06-07 07:00:00+08', done = true, done_at = '2026-06-08 01:02:03.000999+00', lead_id = $2 WHERE id = $1`, [created.id, created.id]);
      const listed = (await api(ctx.rep).list(`?customerId=${customerId}&limit=200`)).body.data as Record<string, unknown>[];
      const entities = await ds.getRepository(Activity).findBy({ customerId });
      expect(listed.length).toBe(entities.length);
      for (const item of listed) {
        const entity = entities.find((e) => e.id === item.id)!;
        expect(item).toEqual(JSON.parse(JSON.stringify(toActivityDto(entity))));
      }
      expect(listed.find((a) => a.id === created.id)).toMatchObject({ dueAt: '2026-06-07T00:09:10.123Z', doneAt: '2026-06-08T01:02:03.000Z', participants: [{ userId: null, name: '王经理' }] });
      await ds.query(`DELETE FROM activities WHERE id = $1`, [created.id]);
    });

    it('serves the timeline from the (customer_id, occurred_at DESC, id DESC) index', async () => {
      // Enough rows of another customer that the planner's choice means something; rolled back.
      const qr = ds.createQueryRunner();
      await qr.startTransaction();
      try {
        const other = (await qr.query(`SELECT id FROM customers WHERE id <> $1 LIMIT 1`, [customerId]))[0].id;
        await qr.query(
          `INSERT INTO activities (customer_id, type, channel, subject, occurred_at, owner_id) SELECT $1, 'note', 'other', 'bulk', now() - g * interval '1 minute', gen_random_uuid() FROM generate_series(1, 5000) g`,
          [other],
        );
        await qr.query('ANALYZE activities');
        const rows = await qr.query(`EXPLAIN SELECT * FROM activities a WHERE a.customer_id = $1 AND a.deleted_at IS NULL ORDER BY a.occurred_at DESC, a.id DESC LIMIT 51`, [customerId]);
        const plan = rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
        expect(plan).toContain('activities_customer_keyset_idx');
        expect(plan).not.toContain('Sort');
      } finally {
        await qr.rollbackTransaction();
        await qr.release();
      }
    });
  });

  describe('tasks', () => {
    const todayStart = (tz: string) => `(date_trunc('day', now() AT TIME ZONE '${tz}') AT TIME ZONE '${tz}')`;
    const ids = {} as Record<'overdue' | 'today' | 'tomorrow' | 'noDue' | 'done' | 'mate' | 'laToday', string>;

    beforeAll(async () => {
      const customerId = await customer(ctx.rep, '待办测试有限公司');
      const mateCustomer = await customer(ctx.mate, '同事待办测试有限公司');
      const task = async (auth: Auth, cid: string, subject: string, dueSql: string | null) => {
        const a = (await api(auth).create({ customerId: cid, type: 'task', subject })).body;
        if (dueSql) await ds.query(`UPDATE activities SET due_at = ${dueSql} WHERE id = $1`, [a.id]);
        return a.id as string;
      };
      const sh = todayStart('Asia/Shanghai');
      ids.overdue = await task(ctx.rep, customerId, 'overdue', `${sh} - interval '1 day'`);
      ids.today = await task(ctx.rep, customerId, 'today', `${sh} + interval '1 day' - interval '1 second'`);
      ids.tomorrow = await task(ctx.rep, customerId, 'tomorrow', `${sh} + interval '1 day' + interval '1 hour'`);
      ids.noDue = await task(ctx.rep, customerId, 'no due date', null);
      ids.done = await task(ctx.rep, customerId, 'done', `${sh} - interval '2 day'`);
      await ds.query(`UPDATE activities SET done = true, done_at = now() WHERE id = $1`, [ids.done]);
      ids.mate = await task(ctx.mate, mateCustomer, 'mate overdue', `${sh} - interval '1 day'`);
      ids.laToday = await task(ctx.rep, customerId, 'LA today', `${todayStart('America/Los_Angeles')} + interval '1 day' - interval '1 second'`);
    });

    const subjects = async (query: string) => {
      const res = await api(ctx.rep).myTasks(query);
      expect(res.status).toBe(200);
      return res.body.data.map((a: { id: string }) => a.id);
    };

    it("lists the caller's own open tasks due today / overdue / upcoming, in the caller's time zone", async () => {
      // Whether LA's end of day falls on Shanghai's today depends on the hour the suite runs: ask the database another way.
      const [la] = await ds.query(
        `SELECT (due_at AT TIME ZONE 'Asia/Shanghai')::date = (now() AT TIME ZONE 'Asia/Shanghai')::date AS today, (due_at AT TIME ZONE 'Asia/Shanghai')::date > (now() AT TIME ZONE 'Asia/Shanghai')::date AS later FROM activities WHERE id = $1`,
        [ids.laToday],
      );
      const withLa = (list: string[], included: boolean) => (included ? [...list, ids.laToday] : list);
      expect(await subjects('?when=overdue&tz=Asia/Shanghai')).toEqual([ids.overdue]);
      expect((await subjects('?when=today&tz=Asia/Shanghai')).sort()).toEqual(withLa([ids.today], la.today).sort());
      expect((await subjects('?when=today')).sort()).toEqual(withLa([ids.today], la.today).sort()); // Asia/Shanghai by default
      const laToday = await subjects('?when=today&tz=America/Los_Angeles');
      expect(laToday).toContain(ids.laToday);
      expect(laToday).not.toContain(ids.overdue); // Shanghai's yesterday is never LA's today
      const upcoming = await subjects('?when=upcoming&tz=Asia/Shanghai');
      expect(upcoming.filter((id: string) => id !== ids.laToday)).toEqual([ids.tomorrow, ids.noDue]);
      expect(upcoming.includes(ids.laToday)).toBe(la.later);
      const all = await subjects('');
      expect(all).toEqual(expect.arrayContaining([ids.overdue, ids.today, ids.tomorrow, ids.noDue, ids.laToday]));
      expect(all).not.toContain(ids.done);
      expect(all).not.toContain(ids.mate);
      expect(all[all.length - 1]).toBe(ids.noDue); // no due date sorts last
      const bad = await api(ctx.rep).myTasks('?tz=Mars/Olympus');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('tz');
    });

    it('completes a task once: twice answers 200 with the same doneAt and writes one audit row, also when concurrent', async () => {
      const first = await api(ctx.rep).complete(ids.overdue);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ done: true, version: 2 });
      const again = await api(ctx.rep).complete(ids.overdue);
      expect(again.status).toBe(200);
      expect(again.body.doneAt).toBe(first.body.doneAt);
      expect(again.body.version).toBe(2);
      const [a, b] = await Promise.all([api(ctx.rep).complete(ids.today), api(ctx.rep).complete(ids.today)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.doneAt).toBe(b.body.doneAt);
      const audits = await ds.query(`SELECT entity_id, count(*)::int AS n FROM audit_events WHERE action = 'complete' AND entity_id = ANY($1) GROUP BY entity_id ORDER BY 1`, [[ids.overdue, ids.today]]);
      expect(audits).toEqual([ids.overdue, ids.today].sort().map((id) => ({ entity_id: id, n: 1 })));
      expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE type = 'activity.completed' AND aggregate_id = $1`, [ids.today]))[0].n).toBe(1);
      expect(await subjects('?when=overdue')).toEqual([]);
    });

    it('completes only tasks, and keeps task fields on tasks', async () => {
      const customerId = await customer(ctx.rep, '非任务测试有限公司');
      const note = (await api(ctx.rep).quick({ customerId, type: 'note', text: 'just a note' })).body;
      const res = await api(ctx.rep).complete(note.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('CONFLICT');
      expect((await api(ctx.rep).patch(note.id, 1, { type: 'task' })).body.errors[0].field).toBe('type');
      expect((await api(ctx.rep).patch(note.id, 1, { dueAt: daysAgo(-1) })).body.errors[0].field).toBe('dueAt');
    });
  });

  describe('validation', () => {
    let customerId: string;
    beforeAll(async () => {
      customerId = await customer(ctx.rep, '校验测试有限公司');
    });
    const error = async (body: object) => {
      const res = await api(ctx.rep).create({ customerId, type: 'call', subject: 'x', ...body });
      expect(res.status).toBe(400);
      return res.body.errors[0];
    };

    it('refuses bad input with the field named, and writes nothing', async () => {
      expect(await error({ ownerId: ctx.mateId })).toMatchObject({ field: 'ownerId', rule: 'whitelistValidation' });
      expect(await error({ body: 'x'.repeat(10_001) })).toMatchObject({ field: 'body', rule: 'maxLength' });
      expect(await error({ type: 'fax' })).toMatchObject({ field: 'type', rule: 'isEnum' });
      expect(await error({ channel: 'telegram' })).toMatchObject({ field: 'channel', rule: 'isEnum' });
      expect(await error({ subject: '' })).toMatchObject({ field: 'subject' });
      expect(await error({ durationMinutes: -1 })).toMatchObject({ field: 'durationMinutes', rule: 'min' });
      expect(await error({ participants: Array.from({ length: 21 }, (_, i) => ({ name: `p${i}` })) })).toMatchObject({ field: 'participants', rule: 'arrayMaxSize' });
      expect(await error({ participants: [{ name: 'a', userId: ctx.mateId }] })).toMatchObject({ field: 'participants.0', rule: 'userIdOrName' });
      expect(await error({ participants: [{ userId: '00000000-0000-4000-8000-000000000000' }] })).toMatchObject({ field: 'participants', rule: 'exists' });
      expect(await error({ dueAt: daysAgo(-1) })).toMatchObject({ field: 'dueAt', rule: 'taskOnly' });
      expect(await error({ type: 'task', dueAt: daysAgo(-1), reminderAt: daysAgo(-2) })).toMatchObject({ field: 'reminderAt', rule: 'notAfterDueAt' });
      expect(await error({ contactId: 'not-a-uuid' })).toMatchObject({ field: 'contactId', rule: 'isUuid' });
      expect((await ds.query(`SELECT count(*)::int AS n FROM activities WHERE customer_id = $1`, [customerId]))[0].n).toBe(0);
      expect(await lastFollowUp(customerId)).toBeNull();
    });

    it("refuses a customer outside the caller's sales.customer.read scope, naming customerId", async () => {
      const westCustomer = await customer(ctx.westRep, '成都校验有限公司');
      const res = await api(ctx.rep).create({ customerId: westCustomer, type: 'call', subject: 'sneaky' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'customerId', rule: 'exists' });
      expect(await lastFollowUp(westCustomer)).toBeNull();
    });
  });

  describe('scope and concurrency', () => {
    let westActivity: { id: string; customerId: string };
    let mateActivity: { id: string };
    beforeAll(async () => {
      const westCustomer = await customer(ctx.westRep, '成都西部跟进有限公司');
      westActivity = (await api(ctx.westRep).create({ customerId: westCustomer, type: 'task', subject: '西部任务' })).body;
      const mateCustomer = await customer(ctx.mate, '苏州同事跟进有限公司');
      mateActivity = (await api(ctx.mate).quick({ customerId: mateCustomer, type: 'call', text: '同事的电话' })).body;
    });

    it("answers 404 for another department's follow-up on get / update / delete / complete, and never lists it", async () => {
      for (const who of [ctx.rep, ctx.manager]) {
        expect((await api(who).get(westActivity.id)).status).toBe(404);
        expect((await api(who).patch(westActivity.id, 1, { subject: 'mine now' })).status).toBe(404);
        expect((await api(who).complete(westActivity.id)).status).toBe(404);
        expect((await api(who).list(`?customerId=${westActivity.customerId}`)).body.data).toEqual([]);
        expect((await api(who).list('?limit=200')).body.data.map((a: { id: string }) => a.id)).not.toContain(westActivity.id);
      }
      expect((await api(ctx.manager).remove(westActivity.id)).status).toBe(404);
      const [row] = await ds.query(`SELECT subject, done, deleted_at, version FROM activities WHERE id = $1`, [westActivity.id]);
      expect(row).toEqual({ subject: '西部任务', done: false, deleted_at: null, version: 1 });
    });

    it("shows a rep only their own follow-ups and a manager the department's; a rep may not delete", async () => {
      const mine = (await api(ctx.rep).list('?limit=200&count=true')).body;
      expect(mine.total).toBeGreaterThan(0);
      expect(mine.data.every((a: { ownerId: string }) => a.ownerId === ctx.repId)).toBe(true);
      expect((await api(ctx.rep).get(mateActivity.id)).status).toBe(404);
      expect((await api(ctx.manager).list(`?ownerId=${ctx.mateId}`)).body.data.map((a: { id: string }) => a.id)).toContain(mateActivity.id);
      expect((await api(ctx.mate).remove(mateActivity.id)).status).toBe(403);
    });

    it('links a follow-up only to a contact of the same customer', async () => {
      const mine = await customer(ctx.rep, '联系人校验有限公司');
      const other = await customer(ctx.rep, '另一家有限公司');
      const contact = (await t.http().post('/api/v1/contacts').set(ctx.rep).send({ customerId: other, name: '王五' })).body;
      const wrong = await api(ctx.rep).create(call(mine, daysAgo(0), { contactId: contact.id }));
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0]).toMatchObject({ field: 'contactId', rule: 'belongsToCustomer' });
      expect((await api(ctx.rep).create(call(other, daysAgo(0), { contactId: contact.id }))).status).toBe(201);
    });

    it('moves follow-ups to the winner when customers merge', async () => {
      const winner = await customer(ctx.manager, '合并赢家有限公司');
      const loser = await customer(ctx.manager, '合并输家有限公司');
      const moved = (await api(ctx.manager).create(call(loser, daysAgo(2)))).body;
      const res = await t.http().post(`/api/v1/customers/${winner}/merge`).set(ctx.manager).set('If-Match', '"1"').send({ loserIds: [loser] });
      expect(res.body.moved).toMatchObject({ activities: 1 });
      expect((await api(ctx.manager).list(`?customerId=${winner}`)).body.data.map((a: { id: string }) => a.id)).toEqual([moved.id]);
      expect(await lastFollowUp(winner)).toBe(moved.occurredAt);
    });

    it("shows the whole timeline of a customer the caller can see, including colleagues' follow-ups", async () => {
      const customerId = (await t.http().post('/api/v1/customers?allowDuplicate=true').set(ctx.rep).send({ name: '时间线客户有限公司' })).body.id;
      const byManager = (await t.http().post('/api/v1/activities/quick').set(ctx.manager).send({ customerId, type: 'visit', text: '经理拜访' })).body;
      const timeline = (await api(ctx.rep).list(`?customerId=${customerId}`)).body.data.map((a: { id: string }) => a.id);
      expect(timeline).toEqual([byManager.id]);
      // The follow-up itself stays the manager's: the rep cannot open or change it on its own.
      expect((await api(ctx.rep).get(byManager.id)).status).toBe(404);
      expect((await api(ctx.mate).list(`?customerId=${customerId}`)).body.data).toEqual([]);
    });

    it('needs If-Match, refuses a stale version with 412 and leaves the row unchanged', async () => {
      const a = (await api(ctx.mate).get(mateActivity.id)).body;
      expect((await t.http().patch(`/api/v1/activities/${a.id}`).set(ctx.mate).send({ outcome: 'x' })).status).toBe(428);
      const ok = await api(ctx.mate).patch(a.id, 1, { outcome: '已报价', subject: '同事的电话（已报价）' });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      const stale = await api(ctx.mate).patch(a.id, 1, { outcome: '丢单' });
      expect(stale.status).toBe(412);
      const [row] = await ds.query(`SELECT outcome, version FROM activities WHERE id = $1`, [a.id]);
      expect(row).toEqual({ outcome: '已报价', version: 2 });
      const [audit] = await ds.query(`SELECT changes FROM audit_events WHERE action = 'update' AND entity_id = $1`, [a.id]);
      expect(audit.changes).toEqual({ outcome: { before: null, after: '已报价' }, subject: { before: '同事的电话', after: '同事的电话（已报价）' } });
    });
  });
});
