/**
 * Service figures over HTTP on real PostgreSQL: four cases of an east department worked
 * at known times (and a west one that must never count), then the figures a service
 * manager reads — first-contact resolution, reopen rate, SLA met, satisfaction, median
 * time to resolve, backlog — per agent, per day (Shanghai days) and per type.
 */
import { Clock } from '@kehu/server-core';
import type { TestApp } from '@kehu/server-testing';
import { bootServiceApp } from '../../test/service-test-kit';
import { buildCasesWorld, type Auth, type CasesWorld } from '../../test/cases-world';

describe('service figures', () => {
  let t: TestApp;
  let w: CasesWorld;
  const setNow = (iso: string) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(iso));
  const post = async (auth: Auth, url: string, body: object, status = 200) => {
    const res = await t.http().post(`/api/v1${url}`).set(auth).send(body);
    if (res.status !== status) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const metrics = (auth: Auth, query = 'from=2026-11-23&to=2026-11-27') => t.http().get(`/api/v1/service/metrics?${query}`).set(auth);

  beforeAll(async () => {
    t = await bootServiceApp();
    w = await buildCasesWorld(t);
    const raise = (auth: Auth, body: object) => post(auth, '/cases', { subject: '指标', customerId: w.ids.customer, ...body }, 201);
    // Times are Shanghai 10:00 and later (UTC + 8).
    setNow('2026-11-23T02:00:00Z');
    const a = await raise(w.eastAgent, { type: 'request' });
    const b = await raise(w.eastAgent, { type: 'complaint', priority: 'urgent' });
    setNow('2026-11-23T02:30:00Z');
    await post(w.eastAgent, `/cases/${a.id}/replies`, { body: '已收到' });
    setNow('2026-11-23T03:00:00Z');
    await post(w.eastAgent, `/cases/${a.id}/resolve`, { resolution: '已解决' });
    await post(w.eastAgent, `/cases/${a.id}/satisfaction`, { score: 5 });
    await post(w.eastAgent, `/cases/${b.id}/replies`, { body: '抱歉久等' }); // 60 min, target 30: late
    await post(w.eastAgent, `/cases/${b.id}/replies`, { body: '需要再确认' });
    setNow('2026-11-24T02:00:00Z'); // 24 h, target 4 h
    await post(w.eastAgent, `/cases/${b.id}/resolve`, { resolution: '已退款' });
    await post(w.eastAgent, `/cases/${b.id}/satisfaction`, { score: 3 });
    const c = await raise(w.eastAgent2, { type: 'request' });
    setNow('2026-11-24T02:10:00Z');
    await post(w.eastAgent2, `/cases/${c.id}/replies`, { body: '请重启' });
    setNow('2026-11-24T02:20:00Z');
    await post(w.eastAgent2, `/cases/${c.id}/resolve`, { resolution: '重启后恢复' });
    setNow('2026-11-24T02:30:00Z');
    await post(w.eastAgent2, `/cases/${c.id}/reopen`, { reason: '又坏了' });
    setNow('2026-11-24T03:00:00Z');
    await post(w.eastAgent2, `/cases/${c.id}/resolve`, { resolution: '更换主板' });
    setNow('2026-11-25T02:00:00Z');
    await raise(w.eastAgent2, { type: 'return' }); // never answered
    await raise(w.westAgent, { type: 'complaint' }); // another department
    setNow('2026-11-27T02:00:00Z');
    await post(w.admin, '/service/sla-clock/run', {});
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t?.close());

  it("gives a manager the department's figures, per agent, day and type", async () => {
    setNow('2026-11-27T02:00:00Z');
    const res = await metrics(w.eastManager).expect(200);
    const m = res.body;
    expect(m).toMatchObject({ from: '2026-11-23', to: '2026-11-27', backlog: 1, backlogBreached: 1 });
    expect(m.totals).toEqual({
      opened: 4,
      resolved: 3,
      firstContactResolutionRate: 0.333,
      reopenRate: 0.333,
      responseSlaMetRate: 0.5,
      resolutionSlaMetRate: 0.667,
      satisfactionAverage: 4,
      satisfactionCount: 2,
      medianResolutionHours: 1,
    });
    expect(m.byAgent.map((x: { ownerName: string; opened: number; resolved: number }) => [x.ownerName, x.opened, x.resolved])).toEqual([
      ['east-agent', 2, 2],
      ['east-agent-2', 2, 1],
    ]);
    expect(m.byAgent[0]).toMatchObject({ ownerId: w.ids.eastAgent, firstContactResolutionRate: 0.5, satisfactionAverage: 4 });
    expect(m.byDay).toEqual([
      { day: '2026-11-23', opened: 2, resolved: 1 },
      { day: '2026-11-24', opened: 1, resolved: 2 },
      { day: '2026-11-25', opened: 1, resolved: 0 },
      { day: '2026-11-26', opened: 0, resolved: 0 },
      { day: '2026-11-27', opened: 0, resolved: 0 },
    ]);
    expect(m.byType).toEqual([
      { type: 'request', opened: 2 },
      { type: 'complaint', opened: 1 },
      { type: 'return', opened: 1 },
    ]);
  });

  it("gives an agent their own figures only, and an agent's filter narrows a manager's", async () => {
    const own = await metrics(w.eastAgent).expect(200);
    expect(own.body.totals).toMatchObject({ opened: 2, resolved: 2 });
    expect(own.body.byAgent.map((x: { ownerId: string }) => x.ownerId)).toEqual([w.ids.eastAgent]);
    const one = await metrics(w.eastManager, `from=2026-11-23&to=2026-11-27&ownerId=${w.ids.eastAgent2}`).expect(200);
    expect(one.body.totals).toMatchObject({ opened: 2, resolved: 1, reopenRate: 1 });
    const west = await metrics(w.westAgent).expect(200);
    expect(west.body.totals).toMatchObject({ opened: 1, resolved: 0, firstContactResolutionRate: null });
  });

  it('refuses a reversed or too long period with 400, and readers without the permission with 403', async () => {
    const reversed = await metrics(w.eastManager, 'from=2026-11-27&to=2026-11-23').expect(400);
    expect(reversed.body.errors[0]).toMatchObject({ field: 'from' });
    const long = await metrics(w.eastManager, 'from=2024-01-01&to=2026-11-23').expect(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'to' });
    await metrics(w.eastManager, 'from=yesterday').expect(400);
    await metrics(w.rep).expect(403);
  });
});
