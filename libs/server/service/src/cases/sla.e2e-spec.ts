/**
 * The SLA policy and its minute job over HTTP on real PostgreSQL: reading with an ETag,
 * changing with If-Match (412 stale) and field-level 400s, new targets on new cases; the
 * job marks each running clock that ran out once (history, notification, outbox), never
 * twice across runs, and closes resolved cases after the auto-close days.
 */
import { Clock } from '@kehu/server-core';
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootServiceApp } from '../../test/service-test-kit';
import { buildCasesWorld, type CasesWorld } from '../../test/cases-world';

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const targets = [
  { priority: 'urgent', firstResponseMinutes: 15, resolutionMinutes: 120, businessHours: false },
  { priority: 'high', firstResponseMinutes: 60, resolutionMinutes: 480, businessHours: true },
  { priority: 'normal', firstResponseMinutes: 120, resolutionMinutes: 960, businessHours: true },
  { priority: 'low', firstResponseMinutes: null, resolutionMinutes: null, businessHours: true },
];

describe('SLA policy and clock job', () => {
  let t: TestApp;
  let w: CasesWorld;
  let ds: DataSource;
  const setNow = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(iso));
  const policy = () => t.http().get('/api/v1/service/sla-policy').set(w.admin);
  const patch = (version: number, body: object, auth = w.admin) => t.http().patch('/api/v1/service/sla-policy').set(auth).set('If-Match', `"${version}"`).send(body);
  const runJob = () => t.http().post('/api/v1/service/sla-clock/run').set(w.admin).expect(200);
  const raise = async (body: object) => {
    const res = await t.http().post('/api/v1/cases').set(w.eastAgent).send({ subject: 'SLA 测试', customerId: w.ids.customer, ...body });
    if (res.status !== 201) throw new Error(`case ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await bootServiceApp();
    w = await buildCasesWorld(t);
    ds = t.app.get(DataSource);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t?.close());

  it('reads the seeded policy with an ETag, and every agent may read it', async () => {
    const res = await policy().expect(200);
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body.calendar.timeZone).toBe('Asia/Shanghai');
    expect(res.body.targets.map((x: { priority: string }) => x.priority).sort()).toEqual(['high', 'low', 'normal', 'urgent']);
    await t.http().get('/api/v1/service/sla-policy').set(w.eastAgent).expect(200);
  });

  it('refuses bad calendars and targets with 400 naming the field, agents with 403, stale versions with 412', async () => {
    const { version } = (await policy()).body;
    const field = async (body: object, name: string) => {
      const res = await patch(version, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: name })]));
    };
    await field({ calendar: { timeZone: 'Mars/Olympus', workingHours: weekdays, holidays: [], extraWorkdays: [] } }, 'calendar.timeZone');
    await field({ calendar: { timeZone: 'Asia/Shanghai', workingHours: [{ weekday: 1, start: '18:00', end: '09:00' }], holidays: [], extraWorkdays: [] } }, 'calendar.workingHours.0.end');
    await field({ calendar: { timeZone: 'Asia/Shanghai', workingHours: [{ weekday: 8, start: '09:00', end: '10:00' }], holidays: [], extraWorkdays: [] } }, 'calendar.workingHours.0.weekday');
    await field({ calendar: { timeZone: 'Asia/Shanghai', workingHours: weekdays, holidays: ['2026-13-01'], extraWorkdays: [] } }, 'calendar.holidays');
    await field({ targets: [...targets.slice(0, 3), { ...targets[0] }] }, 'targets');
    await field({ autoCloseDays: 91 }, 'autoCloseDays');
    await patch(version, { autoCloseDays: 3 }, w.eastAgent).expect(403);
    const stale = await patch(version + 5, { autoCloseDays: 3 }).expect(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await policy()).body.version).toBe(version);
  });

  it('applies a changed policy to new cases (its calendar, 7 × 24 targets, no target = no clock) and audits it', async () => {
    const { version } = (await policy()).body;
    const res = await patch(version, { calendar: { timeZone: 'Asia/Shanghai', workingHours: weekdays, holidays: ['2026-12-01'], extraWorkdays: [] }, targets, autoCloseDays: 2 }).expect(200);
    expect(res.body).toMatchObject({ version: version + 1, autoCloseDays: 2 });
    expect(res.headers.etag).toBe(`"${version + 1}"`);
    // Monday 2026-11-30 16:30 Shanghai: high = 60 working minutes → 30 today, then 1 Dec is a holiday → Wed 09:30
    setNow('2026-11-30T08:30:00.000Z');
    const high = await raise({ priority: 'high' });
    expect(high.response.dueAt).toBe('2026-12-02T01:30:00.000Z');
    const urgent = await raise({ priority: 'urgent' });
    expect(urgent.response.dueAt).toBe('2026-11-30T08:45:00.000Z');
    const low = await raise({ priority: 'low' });
    expect(low.response).toEqual({ dueAt: null, stoppedAt: null, state: null });
    const [audit] = await ds.query(`SELECT changes FROM audit_events WHERE entity_type = 'sla_policy' ORDER BY id DESC LIMIT 1`);
    expect(audit.changes.autoCloseDays).toEqual({ before: 7, after: 2 });
  });

  it('marks a clock that ran out once, tells the agent, and closes resolved cases after the auto-close days', async () => {
    setNow('2026-11-30T08:30:00.000Z');
    const urgent = await raise({ priority: 'urgent', subject: '生产线停机' });
    const answered = await raise({ priority: 'urgent', subject: '已回复的' });
    await t.http().post(`/api/v1/cases/${answered.id}/replies`).set(w.eastAgent).send({ body: '马上处理' }).expect(200);

    setNow('2026-11-30T08:50:00.000Z'); // 20 min: the 15-minute response clock ran out
    const first = await runJob();
    expect(first.body.responseBreached).toBeGreaterThanOrEqual(1);
    const again = await runJob();
    expect(again.body.responseBreached).toBe(0);

    const c = (await t.http().get(`/api/v1/cases/${urgent.id}`).set(w.eastAgent).expect(200)).body;
    expect(c.response.state).toBe('breached');
    expect((await t.http().get(`/api/v1/cases/${answered.id}`).set(w.eastAgent)).body.response.state).toBe('met');
    const events = (await t.http().get(`/api/v1/cases/${urgent.id}/events`).set(w.eastAgent)).body.map((e: { kind: string }) => e.kind);
    expect(events.filter((k: string) => k === 'response_breached')).toHaveLength(1);
    const notes = await ds.query(`SELECT kind, link FROM notifications WHERE user_id = $1 AND entity_id = $2`, [w.ids.eastAgent, urgent.id]);
    expect(notes).toEqual([{ kind: 'case.response_breached', link: `/service/cases/${urgent.id}` }]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1 AND type = 'case.response_breached'`, [urgent.id]))[0].n).toBe(1);

    // 2 h 10 min: the resolution clock (120 min) too
    setNow('2026-11-30T10:40:00.000Z');
    expect((await runJob()).body.resolutionBreached).toBeGreaterThanOrEqual(1);
    expect((await t.http().get(`/api/v1/cases/${urgent.id}`).set(w.eastAgent)).body.resolution.state).toBe('breached');

    // Resolved, then three days later (auto-close 2 days) closed by the job.
    await t.http().post(`/api/v1/cases/${answered.id}/resolve`).set(w.eastAgent).send({ resolution: '已恢复' }).expect(200);
    setNow('2026-12-03T11:00:00.000Z');
    expect((await runJob()).body.closed).toBeGreaterThanOrEqual(1);
    const closed = (await t.http().get(`/api/v1/cases/${answered.id}`).set(w.eastAgent)).body;
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-12-03T11:00:00.000Z' });
  });

  it('runs on demand only for holders of service.sla.manage', async () => {
    await t.http().post('/api/v1/service/sla-clock/run').set(w.eastManager).expect(403);
  });
});
