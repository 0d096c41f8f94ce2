/**
 * Public pools (公海) through HTTP on real PostgreSQL with a controllable clock: pool
 * settings and their guards, claiming (limits, cooldown, waiting period, capacity, the
 * race), release, assignment, lock, move, import, ownership history, the return job rule by
 * rule (and two runs at once), pre-return reminders.
 */
import type { TestApp } from '@kehu/server-testing';
import { Clock } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { bootSalesApp } from '../../test/sales-test-kit';
import { PoolReturnService } from './pool-return.service';

const PASSWORD = 'Rep-pass-12345';
const DAY = 86_400_000;
type Auth = Record<string, string>;

describe('public pools', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  let clock: jest.SpyInstance<Date, []>;
  const ctx = {} as {
    east: string;
    west: string;
    jobs: string;
    rep: Auth;
    repId: string;
    mate: Auth;
    mateId: string;
    manager: Auth;
    managerId: string;
    westRep: Auth;
    westRepId: string;
    jobRep: Auth;
    jobRepId: string;
  };
  let defaultPoolId: string;

  const at = (d: Date) => clock.mockReturnValue(d);
  const later = (days: number) => new Date(Date.now() + days * DAY);

  const post = async (auth: Auth, url: string, body: object, status = 201) => {
    const res = await t.http().post(url).set(auth).send(body);
    if (res.status !== status) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const api = (auth: Auth) => ({
    pools: () => t.http().get('/api/v1/pools').set(auth),
    createPool: (body: object) => t.http().post('/api/v1/pools').set(auth).send(body),
    getPool: (id: string) => t.http().get(`/api/v1/pools/${id}`).set(auth),
    patchPool: (id: string, version: number, body: object) => t.http().patch(`/api/v1/pools/${id}`).set(auth).set('If-Match', `"${version}"`).send(body),
    deletePool: (id: string) => t.http().delete(`/api/v1/pools/${id}`).set(auth),
    list: (id: string, query = '') => t.http().get(`/api/v1/pools/${id}/customers${query}`).set(auth),
    quota: (id: string) => t.http().get(`/api/v1/pools/${id}/quota`).set(auth),
    importInto: (id: string, customers: object[]) => t.http().post(`/api/v1/pools/${id}/import`).set(auth).send({ customers }),
    detail: (cid: string) => t.http().get(`/api/v1/pools/customers/${cid}`).set(auth),
    claim: (cid: string) => t.http().post(`/api/v1/pools/customers/${cid}/claim`).set(auth),
    batch: (ids: string[]) => t.http().post('/api/v1/pools/customers/batch-claim').set(auth).send({ customerIds: ids }),
    release: (cid: string, body: object) => t.http().post(`/api/v1/pools/customers/${cid}/release`).set(auth).send(body),
    assign: (cid: string, body: object) => t.http().post(`/api/v1/pools/customers/${cid}/assign`).set(auth).send(body),
    lock: (cid: string) => t.http().post(`/api/v1/pools/customers/${cid}/lock`).set(auth),
    unlock: (cid: string) => t.http().post(`/api/v1/pools/customers/${cid}/unlock`).set(auth),
    move: (cid: string, poolId: string) => t.http().post(`/api/v1/pools/customers/${cid}/move`).set(auth).send({ poolId }),
    history: (cid: string) => t.http().get(`/api/v1/customers/${cid}/ownership-history`).set(auth),
    run: () => t.http().post('/api/v1/pools/return-run').set(auth).send({}),
    soon: (query = '') => t.http().get(`/api/v1/pools/returning-soon${query}`).set(auth),
    limit: (body: object) => t.http().put('/api/v1/ownership-limits').set(auth).send(body),
  });
  const customer = async (auth: Auth, name: string, extra: object = {}): Promise<string> => (await post(auth, '/api/v1/customers?allowDuplicate=true', { name, ...extra })).id;
  const owner = async (id: string) => (await ds.query(`SELECT owner_id FROM customers WHERE id = $1`, [id]))[0].owner_id;
  const imported = async (poolId: string, names: string[]): Promise<string[]> => (await post(admin, `/api/v1/pools/${poolId}/import`, { customers: names.map((name) => ({ name })) })).ids;

  beforeAll(async () => {
    t = await bootSalesApp();
    ds = t.app.get(DataSource);
    clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockImplementation(() => new Date());
    admin = { Authorization: `Bearer ${await t.login()}` };
    ctx.east = (await post(admin, '/api/v1/departments', { name: '华东' })).id;
    ctx.west = (await post(admin, '/api/v1/departments', { name: '西部' })).id;
    ctx.jobs = (await post(admin, '/api/v1/departments', { name: '回收组' })).id;
    const user = async (email: string, roles: string[], departmentId: string) => {
      const u = await post(admin, '/api/v1/users', { email, name: email.split('@')[0], roles, password: PASSWORD, departmentId });
      return { id: u.id as string, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
    };
    const rep = await user('rep@kehu.test', ['sales_rep'], ctx.east);
    const mate = await user('mate@kehu.test', ['sales_rep'], ctx.east);
    const manager = await user('manager@kehu.test', ['sales_manager'], ctx.east);
    const westRep = await user('west@kehu.test', ['sales_rep'], ctx.west);
    const jobRep = await user('job@kehu.test', ['sales_rep'], ctx.jobs);
    Object.assign(ctx, { rep: rep.auth, repId: rep.id, mate: mate.auth, mateId: mate.id, manager: manager.auth, managerId: manager.id, westRep: westRep.auth, westRepId: westRep.id, jobRep: jobRep.auth, jobRepId: jobRep.id });
    defaultPoolId = (await api(admin).pools()).body.find((p: { isDefault: boolean }) => p.isDefault).id;
  });
  afterAll(() => t?.close());

  describe('pool settings', () => {
    it('creates a pool with validated rules, shows it only to its members, and guards disabling and deleting', async () => {
      const bad = await api(admin).createPool({ name: 'x', rules: { returnRules: [{ kind: 'noFollowUp', days: 0 }] } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'rules.returnRules.0.days', rule: 'min' });
      const badKind = await api(admin).createPool({ name: 'x', rules: { returnRules: [{ kind: 'sometimes', days: 3 }] } });
      expect(badKind.body.errors[0].field).toBe('rules.returnRules.0.kind');
      const badGrade = await api(admin).createPool({ name: 'x', rules: { exemptGrades: ['Z'] } });
      expect(badGrade.body.errors[0].field).toBe('rules.exemptGrades');

      const res = await api(admin).createPool({
        name: '华东公海',
        memberDepartmentIds: [ctx.east],
        adminIds: [ctx.managerId],
        rules: { returnRules: [{ kind: 'noFollowUp', days: 30, gradeDays: { A: 60 }, includeWon: false }], exemptGrades: ['A'], reminderDays: 3, dailyClaimLimit: 5 },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: '华东公海', enabled: true, isDefault: false, customerCount: 0, version: 1, rules: { reminderDays: 3, dailyClaimLimit: 5, exemptGrades: ['A'] } });
      expect(res.body.rules.returnRules[0]).toEqual({ kind: 'noFollowUp', days: 30, gradeDays: { A: 60 }, includeWon: false });
      const id = res.body.id;

      expect((await api(ctx.rep).pools()).body.map((p: { id: string }) => p.id)).toContain(id);
      expect((await api(ctx.westRep).pools()).body.map((p: { id: string }) => p.id)).not.toContain(id);
      expect((await api(ctx.westRep).getPool(id)).status).toBe(404);
      expect((await api(ctx.rep).createPool({ name: 'mine' })).status).toBe(403);
      // The default pool names no members: every rep sees it until an admin narrows it.
      const open = (await api(admin).pools()).body.find((p: { isDefault: boolean }) => p.isDefault);
      expect(open).toMatchObject({ memberUserIds: [], memberDepartmentIds: [] });
      expect((await api(ctx.westRep).pools()).body.map((p: { id: string }) => p.id)).toContain(open.id);

      const [cid] = await imported(id, ['禁用检查有限公司']);
      const disable = await api(admin).patchPool(id, 1, { enabled: false });
      expect(disable.status).toBe(409);
      expect(disable.body.code).toBe('POOL_NOT_EMPTY');
      expect((await api(admin).deletePool(id)).body.code).toBe('POOL_NOT_EMPTY');
      expect((await api(admin).move(cid, defaultPoolId)).status).toBe(200);
      const stale = await api(admin).patchPool(id, 9, { name: 'x' });
      expect(stale.status).toBe(412);
      const renamed = await api(admin).patchPool(id, 1, { name: '华东公海二', enabled: false });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: '华东公海二', enabled: false, version: 2 });
      expect((await api(admin).deletePool(id)).status).toBe(204);
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'pool' AND entity_id = $1 ORDER BY id`, [id])).toEqual([{ action: 'create' }, { action: 'pool_import' }, { action: 'update' }, { action: 'delete' }]);

      // The default pool is the only enabled one: it cannot be disabled.
      const def = (await api(admin).getPool(defaultPoolId)).body;
      const last = await api(admin).patchPool(defaultPoolId, def.version, { enabled: false });
      expect(last.status).toBe(409);
      expect(['POOL_NOT_EMPTY', 'LAST_ENABLED_POOL']).toContain(last.body.code);
      const lone = (await api(admin).createPool({ name: '临时' })).body;
      const ok = await api(admin).patchPool(lone.id, 1, { enabled: false });
      expect(ok.status).toBe(200);
      await ds.query(`UPDATE pools SET enabled = false WHERE id <> $1`, [lone.id]);
      await ds.query(`UPDATE pools SET enabled = true WHERE id = $1`, [lone.id]);
      const lastOne = await api(admin).patchPool(lone.id, 2, { enabled: false });
      expect(lastOne.body.code).toBe('LAST_ENABLED_POOL');
      await ds.query(`UPDATE pools SET enabled = true`);
      await api(admin).deletePool(lone.id);
    });
  });

  describe('claiming', () => {
    let poolId: string;
    beforeAll(async () => {
      poolId = (await post(admin, '/api/v1/pools', { name: '领取测试公海', memberDepartmentIds: [ctx.east], rules: { dailyClaimLimit: 2, reclaimCooldownDays: 3, claimWaitDays: 1 } })).id;
    });
    afterEach(() => clock.mockImplementation(() => new Date()));

    it('lists waiting customers to members only, previews history and follow-ups, and claims with owner, department and contacts following', async () => {
      const [a] = await imported(poolId, ['领取预览有限公司']);
      await ds.query(`INSERT INTO contacts (customer_id, name) VALUES ($1, '张三')`, [a]);
      await ds.query(`INSERT INTO activities (customer_id, type, channel, subject, owner_id) VALUES ($1, 'call', 'phone', '上次电话', $2)`, [a, ctx.mateId]);
      expect((await api(ctx.westRep).list(poolId)).status).toBe(404);
      expect((await api(ctx.westRep).detail(a)).status).toBe(404);

      const early = await api(ctx.rep).claim(a);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('CLAIM_WAITING_PERIOD');
      expect(early.body.claimableFrom).toEqual(expect.any(String));

      at(later(2));
      const list = await api(ctx.rep).list(poolId);
      expect(list.status).toBe(200);
      const row = list.body.data.find((c: { id: string }) => c.id === a);
      expect(row).toMatchObject({ name: '领取预览有限公司', poolId, previousOwnerId: null, daysInPool: 2, reason: { code: 'imported', zh: '导入公海', en: 'imported into the pool' } });
      const detail = await api(ctx.rep).detail(a);
      expect(detail.status).toBe(200);
      expect(detail.body.ownershipHistory).toEqual([expect.objectContaining({ kind: 'imported', ownerId: null, poolId, to: null })]);
      expect(detail.body.recentFollowUps).toEqual([expect.objectContaining({ subject: '上次电话', ownerId: ctx.mateId })]);

      const claimed = await api(ctx.rep).claim(a);
      expect(claimed.status).toBe(200);
      expect(claimed.body).toMatchObject({ customerId: a, ownerId: ctx.repId });
      const [c] = await ds.query(`SELECT owner_id, department_id, claimed_at FROM customers WHERE id = $1`, [a]);
      expect(c).toMatchObject({ owner_id: ctx.repId, department_id: ctx.east });
      expect(c.claimed_at.toISOString()).toBe(claimed.body.claimedAt);
      const contacts = await t.http().get(`/api/v1/contacts?customerId=${a}`).set(ctx.rep);
      expect(contacts.body.data.map((k: { ownerId: string; departmentId: string }) => [k.ownerId, k.departmentId])).toEqual([[ctx.repId, ctx.east]]);
      expect((await api(ctx.rep).claim(a)).body.code).toBe('NOT_IN_POOL');
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'pool_%'`, [a])).toEqual([{ action: 'pool_claim' }]);
      const history = (await api(ctx.rep).history(a)).body;
      expect(history.map((h: { kind: string }) => h.kind)).toEqual(['imported', 'claimed']);
      expect(history[0].to).toBe(history[1].from);
      expect(history[1]).toMatchObject({ ownerId: ctx.repId, byId: ctx.repId, reason: { zh: '从公海领取' } });
    });

    it('lets exactly one of two reps claiming at the same moment win', async () => {
      const [a] = await imported(poolId, ['抢单有限公司']);
      at(later(2));
      const [r1, r2] = await Promise.all([api(ctx.rep).claim(a), api(ctx.mate).claim(a)]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      expect([r1, r2].find((r) => r.status === 409)?.body.code).toBe('NOT_IN_POOL');
      const winner = r1.status === 200 ? ctx.repId : ctx.mateId;
      expect(await owner(a)).toBe(winner);
      expect(await ds.query(`SELECT to_owner_id FROM ownership_history WHERE customer_id = $1 AND kind = 'claimed'`, [a])).toEqual([{ to_owner_id: winner }]);
    });

    it('stops at the daily claim limit (batch reports per row) and counts again the next day', async () => {
      const ids = await imported(poolId, ['限额一', '限额二', '限额三', '限额四']);
      const day = new Date(Date.UTC(2031, 0, 10, 4)); // noon in Shanghai
      at(day);
      const quota0 = (await api(ctx.mate).quota(poolId)).body;
      expect(quota0).toMatchObject({ claimedToday: 0, dailyClaimLimit: 2 });
      const batch = await api(ctx.mate).batch([ids[0], ids[1], ids[2]]);
      expect(batch.status).toBe(200);
      expect(batch.body).toMatchObject({ claimed: 2, refused: 1 });
      expect(batch.body.results[2]).toMatchObject({ customerId: ids[2], claimed: false, code: 'CLAIM_DAILY_LIMIT' });
      const single = await api(ctx.mate).claim(ids[3]);
      expect(single.status).toBe(409);
      expect(single.body.code).toBe('CLAIM_DAILY_LIMIT');
      expect((await api(ctx.mate).quota(poolId)).body).toMatchObject({ claimedToday: 2, dailyClaimLimit: 2 });
      at(new Date(day.getTime() + DAY));
      expect((await api(ctx.mate).claim(ids[3])).status).toBe(200);
    });

    it('refuses claims beyond the owner capacity, per user or department', async () => {
      const [a] = await imported(poolId, ['容量有限公司']);
      const owned = (await ds.query(`SELECT count(*)::int AS n FROM customers WHERE owner_id = $1`, [ctx.repId]))[0].n;
      expect((await api(ctx.rep).limit({ departmentId: ctx.east, maxOwned: 1 })).status).toBe(403);
      const lim = await api(admin).limit({ userId: ctx.repId, maxOwned: owned });
      expect(lim.status).toBe(200);
      expect((await api(admin).limit({ userId: ctx.repId, departmentId: ctx.east })).body.errors[0].rule).toBe('exactlyOne');
      at(new Date(Date.UTC(2031, 1, 1, 4)));
      const refused = await api(ctx.rep).claim(a);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'OWNER_CAPACITY_REACHED', owned, maxOwned: owned });
      expect((await api(ctx.rep).quota(poolId)).body).toMatchObject({ owned, maxOwned: owned });
      await api(admin).limit({ userId: ctx.repId, maxOwned: owned + 10 });
      expect((await api(ctx.rep).claim(a)).status).toBe(200);
    });

    it('releases with a reason, keeps the former owner out for the cooldown, lets others wait the waiting period', async () => {
      const a = await customer(ctx.rep, '释放有限公司');
      const noReason = await api(ctx.rep).release(a, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      expect((await api(ctx.mate).release(a, { reason: 'x' })).status).toBe(404);
      const now = new Date(Date.UTC(2031, 2, 1, 4));
      at(now);
      const released = await api(ctx.rep).release(a, { reason: '客户暂无需求', poolId });
      expect(released.status).toBe(200);
      expect(released.body).toMatchObject({ id: a, poolId, previousOwnerId: ctx.repId, reason: { code: 'released', zh: '主动释放到公海：客户暂无需求' } });
      expect(await owner(a)).toBeNull();
      at(new Date(now.getTime() + 2 * DAY));
      const cooldown = await api(ctx.rep).claim(a);
      expect(cooldown.body.code).toBe('RECLAIM_COOLDOWN');
      const waiting = await api(ctx.mate).claim(a);
      expect(waiting.status).toBe(200);
      expect((await api(ctx.rep).history(a)).status).toBe(404); // no longer the rep's
      const kinds = (await api(ctx.mate).history(a)).body.map((h: { kind: string; previousOwnerId: string | null }) => [h.kind, h.previousOwnerId]);
      expect(kinds).toEqual([
        ['created', null],
        ['released', ctx.repId],
        ['claimed', null],
      ]);
    });

    it('lets managers assign and reassign within their departments; reps may not', async () => {
      const [a] = await imported(poolId, ['分配有限公司']);
      expect((await api(ctx.rep).assign(a, { ownerId: ctx.mateId })).status).toBe(403);
      const west = await api(ctx.manager).assign(a, { ownerId: ctx.westRepId });
      expect(west.status).toBe(400);
      expect(west.body.errors[0]).toMatchObject({ field: 'ownerId', rule: 'inScope' });
      const assigned = await api(ctx.manager).assign(a, { ownerId: ctx.mateId, note: '熟悉该行业' });
      expect(assigned.status).toBe(200);
      expect(await owner(a)).toBe(ctx.mateId);
      const re = await api(ctx.manager).assign(a, { ownerId: ctx.repId });
      expect(re.status).toBe(200);
      const h = (await api(ctx.manager).history(a)).body;
      expect(h.slice(-2).map((x: { kind: string; ownerId: string; byId: string }) => [x.kind, x.ownerId, x.byId])).toEqual([
        ['assigned', ctx.mateId, ctx.managerId],
        ['assigned', ctx.repId, ctx.managerId],
      ]);
      expect(h[h.length - 2].reason.en).toBe('assigned by a manager: 熟悉该行业');
    });

    it('locks (within maxLocked): locked customers cannot be released or reassigned', async () => {
      const a = await customer(ctx.mate, '锁定有限公司');
      const b = await customer(ctx.mate, '锁定二有限公司');
      expect((await api(ctx.mate).lock(a)).status).toBe(403);
      await api(admin).limit({ userId: ctx.mateId, maxLocked: 1 });
      const locked = await api(ctx.manager).lock(a);
      expect(locked.status).toBe(200);
      expect(locked.body.lockedAt).toEqual(expect.any(String));
      expect((await api(ctx.manager).lock(b)).body.code).toBe('LOCK_CAPACITY_REACHED');
      expect((await api(ctx.mate).release(a, { reason: 'x' })).body.code).toBe('CUSTOMER_LOCKED');
      expect((await api(ctx.manager).assign(a, { ownerId: ctx.repId })).body.code).toBe('CUSTOMER_LOCKED');
      expect((await api(ctx.manager).unlock(a)).body.lockedAt).toBeNull();
      expect((await api(ctx.mate).release(a, { reason: 'x' })).status).toBe(200);
    });

    it('moves customers between pools (admins) and imports all or nothing', async () => {
      const other = (await post(admin, '/api/v1/pools', { name: '另一个公海', memberDepartmentIds: [ctx.east] })).id;
      const [a] = await imported(poolId, ['搬家有限公司']);
      expect((await api(ctx.rep).move(a, other)).status).toBe(403);
      const moved = await api(admin).move(a, other);
      expect(moved.status).toBe(200);
      expect(moved.body.poolId).toBe(other);
      expect((await api(ctx.rep).list(other)).body.data.map((c: { id: string }) => c.id)).toContain(a);
      expect((await api(ctx.rep).history(a)).body.at(-1)).toMatchObject({ kind: 'moved', reason: { zh: '转移到公海「另一个公海」' } });

      const bad = await api(admin).importInto(poolId, [{ name: '好的' }, { name: '坏的', phone: 'abc' }]);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('customers.1.phone');
      expect((await ds.query(`SELECT count(*)::int AS n FROM customers WHERE name = '好的'`))[0].n).toBe(0);
      expect((await api(ctx.rep).importInto(poolId, [{ name: 'x' }])).status).toBe(403);
    });
  });

  describe('the return job', () => {
    let poolId: string;
    const backdate = (id: string, days: number, lastFollowUpDays: number | null = null) =>
      ds.query(`UPDATE customers SET created_at = now() - make_interval(days => $2), claimed_at = now() - make_interval(days => $2), last_follow_up_at = CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END WHERE id = $1`, [id, days, lastFollowUpDays]);

    beforeAll(async () => {
      poolId = (
        await post(admin, '/api/v1/pools', {
          name: '回收公海',
          departmentId: ctx.jobs,
          memberDepartmentIds: [ctx.jobs],
          rules: { returnRules: [{ kind: 'noFollowUp', days: 30, gradeDays: { B: 45 } }], exemptGrades: ['A'], reminderDays: 5 },
        })
      ).id;
    });
    afterEach(() => clock.mockImplementation(() => new Date()));

    it('returns customers without follow-up for X days (per grade), never locked, exempt, won or with open deals; reason in words', async () => {
      const due = await customer(ctx.jobRep, '该回收有限公司');
      const recent = await customer(ctx.jobRep, '近期跟进有限公司');
      const gradeA = await customer(ctx.jobRep, 'A级客户有限公司', { grade: 'A' });
      const gradeB = await customer(ctx.jobRep, 'B级客户有限公司', { grade: 'B' });
      const locked = await customer(ctx.jobRep, '锁定客户有限公司');
      const won = await customer(ctx.jobRep, '已成交有限公司');
      const other = await customer(ctx.rep, '其他部门有限公司');
      for (const id of [due, gradeA, gradeB, locked, won, other]) await backdate(id, 40);
      await backdate(recent, 40, 10);
      await ds.query(`UPDATE customers SET locked_at = now() WHERE id = $1`, [locked]);
      const o = await post(ctx.jobRep, '/api/v1/opportunities', { customerId: won, name: '赢单', amount: 1 });
      await ds.query(`UPDATE opportunities SET status = 'won', won_at = now() WHERE id = $1`, [o.id]);

      const [li, wang] = await ds.query(`INSERT INTO contacts (customer_id, name) VALUES ($1, '李四'), ($2, '王五') RETURNING id`, [due, recent]);
      const res = await api(admin).run();
      expect(res.status).toBe(200);
      expect(res.body.returned).toBe(1);
      // Contacts follow their customer: the returned one's contact leaves the rep's scope.
      expect((await t.http().get(`/api/v1/contacts/${li.id}`).set(ctx.jobRep)).status).toBe(404);
      expect((await t.http().get(`/api/v1/contacts/${wang.id}`).set(ctx.jobRep)).body).toMatchObject({ name: '王五', ownerId: ctx.jobRepId });
      expect(res.body.batches).toBe(1);
      expect(await owner(due)).toBeNull();
      for (const id of [recent, gradeA, gradeB, locked, won]) expect(await owner(id)).toBe(ctx.jobRepId);
      expect(await owner(other)).toBe(ctx.repId); // the default pool has no rules
      const [row] = await ds.query(`SELECT pool_id, claimed_at, pool_entered_at FROM customers WHERE id = $1`, [due]);
      expect(row).toMatchObject({ pool_id: poolId, claimed_at: null });
      const h = (await api(ctx.jobRep).history(due)).body.at(-1);
      expect(h).toMatchObject({ kind: 'returned', ownerId: null, previousOwnerId: ctx.jobRepId, byId: null, poolId, reason: { code: 'rule.noFollowUp', params: { days: 30 }, zh: '超过30天无新建跟进记录自动进入公海', en: 'no follow-up for 30 days' } });
      expect((await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'pool_return'`, [due]))[0].n).toBe(1);
      const listed = (await api(ctx.jobRep).list(poolId)).body.data.find((c: { id: string }) => c.id === due);
      expect(listed).toMatchObject({ previousOwnerId: ctx.jobRepId, daysInPool: 0, reason: { en: 'no follow-up for 30 days' } });

      // B waits 45 days: returns 6 days later by the clock, with its own days in the reason.
      at(later(6));
      expect((await api(admin).run()).body.returned).toBe(1);
      expect(await owner(gradeB)).toBeNull();
      expect((await api(admin).history(gradeB)).body.at(-1).reason.zh).toBe('超过45天无新建跟进记录自动进入公海');
      expect((await api(admin).run()).body.returned).toBe(0);
      await ds.query(`UPDATE customers SET owner_id = $2, claimed_at = now() - interval '40 days', last_follow_up_at = NULL WHERE id = ANY($1)`, [[due, gradeB], ctx.jobRepId]);
    });

    it('applies noNewOpportunity and notWon with their options', async () => {
      const rules = { returnRules: [{ kind: 'noNewOpportunity', days: 20 }, { kind: 'notWon', days: 90, includeOpenOpportunities: true }] };
      const pool = (await api(admin).getPool(poolId)).body;
      await api(admin).patchPool(poolId, pool.version, { rules });
      const noOpp = await customer(ctx.jobRep, '无商机有限公司');
      const withOpp = await customer(ctx.jobRep, '有商机有限公司');
      const openOld = await customer(ctx.jobRep, '商机未赢有限公司');
      for (const id of [noOpp, withOpp, openOld]) await backdate(id, 25, 1);
      await post(ctx.jobRep, '/api/v1/opportunities', { customerId: withOpp, name: '新商机' });
      await post(ctx.jobRep, '/api/v1/opportunities', { customerId: openOld, name: '旧商机' });
      await ds.query(`UPDATE opportunities SET created_at = now() - interval '24 days' WHERE name = '旧商机'`);
      // Everything from the first test is also noNewOpportunity-due: keep this test about its own customers.
      await ds.query(`UPDATE customers SET locked_at = now() WHERE owner_id = $1 AND id <> ALL($2)`, [ctx.jobRepId, [noOpp, withOpp, openOld]]);

      expect((await api(admin).run()).body.returned).toBe(1);
      expect(await owner(noOpp)).toBeNull();
      expect((await api(admin).history(noOpp)).body.at(-1).reason.en).toBe('no new opportunity for 20 days since the claim');
      expect(await owner(withOpp)).toBe(ctx.jobRepId);
      expect(await owner(openOld)).toBe(ctx.jobRepId); // has an open opportunity; noNewOpportunity leaves those

      at(later(70)); // 95 days since the claim: notWon (includeOpenOpportunities) takes both
      expect((await api(admin).run()).body.returned).toBe(2);
      expect((await api(admin).history(openOld)).body.at(-1).reason.zh).toBe('领取后90天内未成交自动进入公海');
      await ds.query(`UPDATE customers SET locked_at = NULL WHERE owner_id = $1`, [ctx.jobRepId]);
      await api(admin).patchPool(poolId, pool.version + 1, { rules: { returnRules: [{ kind: 'noFollowUp', days: 30 }], reminderDays: 5 } });
    });

    it('moves each customer once when two runs (instances) go at the same time, in batches', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push(await customer(ctx.jobRep, `并发回收${i}有限公司`));
      const others = await ds.query(`SELECT id FROM customers WHERE owner_id = $1 AND id <> ALL($2)`, [ctx.jobRepId, ids]);
      await ds.query(`UPDATE customers SET locked_at = now() WHERE id = ANY($1)`, [others.map((r: { id: string }) => r.id)]);
      for (const id of ids) await backdate(id, 31);
      const service = t.app.get(PoolReturnService);
      const now = new Date();
      const [r1, r2] = await Promise.all([service.run(now, { batchSize: 5 }), service.run(now, { batchSize: 5 })]);
      expect(r1.returned + r2.returned).toBe(12);
      expect(r1.batches + r2.batches).toBeGreaterThanOrEqual(3);
      const counts = await ds.query(`SELECT customer_id, count(*)::int AS n FROM ownership_history WHERE kind = 'returned' AND customer_id = ANY($1) GROUP BY customer_id`, [ids]);
      expect(counts).toHaveLength(12);
      expect(counts.every((c: { n: number }) => c.n === 1)).toBe(true);
      await ds.query(`UPDATE customers SET locked_at = NULL WHERE id = ANY($1)`, [others.map((r: { id: string }) => r.id)]);
    });

    it('lists my customers returning soon and reminds each owner once per due date', async () => {
      await ds.query(`UPDATE customers SET locked_at = now() WHERE owner_id = $1`, [ctx.jobRepId]);
      const soon = await customer(ctx.jobRep, '即将回收有限公司');
      const notYet = await customer(ctx.jobRep, '还早有限公司');
      await backdate(soon, 27);
      await backdate(notYet, 10);
      const list = await api(ctx.jobRep).soon();
      expect(list.status).toBe(200);
      expect(list.body).toEqual([expect.objectContaining({ customerId: soon, customerName: '即将回收有限公司', poolId, rule: 'noFollowUp', daysLeft: 3, reason: expect.objectContaining({ en: 'no follow-up for 30 days' }) })]);
      expect((await api(ctx.jobRep).soon('?days=25')).body.map((r: { customerId: string }) => r.customerId)).toEqual([soon, notYet]);

      const run = await api(admin).run();
      expect(run.body).toMatchObject({ returned: 0, reminded: 1 });
      expect((await api(admin).run()).body.reminded).toBe(0);
      const inbox = (await t.http().get('/api/v1/notifications').set(ctx.jobRep)).body.data.filter((n: { entityId: string }) => n.entityId === soon);
      expect(inbox).toEqual([expect.objectContaining({ kind: 'pool.returning', entityType: 'customer', body: '超过30天无新建跟进记录自动进入公海 / no follow-up for 30 days' })]);
      expect(inbox[0].title).toContain('即将回收有限公司');
    });
  });
});
