import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootCustomersApp } from '../../test/customers-test-kit';
import { Customer } from './customer.entity';
import { toCustomerDto } from './customer.mapper';

const PASSWORD = 'Rep-pass-12345';

describe('customers', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Record<string, string>;
  const ctx = {} as { east: string; west: string; rep: Record<string, string>; repId: string; mate: Record<string, string>; mateId: string; manager: Record<string, string>; westRep: Record<string, string> };

  const as = (auth: Record<string, string>) => ({
    create: (body: object, query = '') => t.http().post(`/api/v1/customers${query}`).set(auth).send(body),
    list: (query = '') => t.http().get(`/api/v1/customers${query}`).set(auth),
    get: (id: string) => t.http().get(`/api/v1/customers/${id}`).set(auth),
    patch: (id: string, version: number | string, body: object, query = '') => t.http().patch(`/api/v1/customers/${id}${query}`).set(auth).set('If-Match', `"${version}"`).send(body),
  });

  beforeAll(async () => {
    t = await bootCustomersApp();
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
    ctx.rep = rep.auth;
    ctx.repId = rep.id;
    ctx.mate = mate.auth;
    ctx.mateId = mate.id;
    ctx.manager = (await user('manager@kehu.test', ['sales_manager'], ctx.east)).auth;
    ctx.westRep = (await user('west@kehu.test', ['sales_rep'], ctx.west)).auth;
  });
  afterAll(() => t?.close());

  it('normalises on create and owns the customer to the caller, with audit and outbox in the same transaction', async () => {
    const res = await as(ctx.rep).create({ name: '  上海ＡＢＣ贸易有限公司 ', phone: '138 0013 8000', email: ' Buyer@ABC.com ', province: '上海市', industry: '贸易' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '上海ABC贸易有限公司', phone: '+8613800138000', email: 'buyer@abc.com', ownerId: ctx.repId, departmentId: ctx.east, lifecycleStage: 'prospect', kind: 'company' });
    expect(res.body.completeness).toBe(75); // name, phone, e-mail, industry, province, owner
    const [row] = await ds.query(`SELECT name_key FROM customers WHERE id = $1`, [res.body.id]);
    expect(row.name_key).toBe('abc');
    expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'customer' AND entity_id = $1`, [res.body.id])).toEqual([{ action: 'create' }]);
    expect(await ds.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1`, [res.body.id])).toEqual([{ type: 'customer.created' }]);
  });

  it('shows a customer, in the list and by id, exactly as the entity mapper would (the JSON PostgreSQL builds)', async () => {
    const full = (await as(ctx.rep).create({ name: '映射一致性测试有限公司', shortName: '映射', phone: '021-5555 0101', email: 'map@kehu.test', province: '上海市', city: '上海', industry: '制造', website: 'https://map.kehu.test', address: '浦东', tags: ['重点', 'VIP'] }, '?allowDuplicate=true')).body;
    const bare = (await as(ctx.rep).create({ name: '映射空字段有限公司' }, '?allowDuplicate=true')).body;
    // Every column the API does not let one set directly, with microseconds the API must truncate as a Date would.
    await ds.query(
      `UPDATE customers SET grade = 'A', grade_locked_at = '2026-01-02 03:04:05.678999+08', grade_reason = '手工', locked_at = '2026-02-03 04:05:06.000001+00',
         claimed_at = '2026-03-04 05:06:07.999999+00', last_follow_up_at = '2026-04-05 06:07:08.5+00', next_follow_up_on = '2026-05-06', referred_by_customer_id = $2,
         external_source = 'erp', external_id = 'MAP-1', custom_fields = '{"budget": 12.5, "level": "VIP", "flags": ["a", "b"], "none": null}', completeness = 88
       WHERE id = $1`,
      [full.id, bare.id],
    );
    for (const id of [full.id, bare.id]) {
      const entity = await ds.getRepository(Customer).findOneByOrFail({ id });
      const expected = JSON.parse(JSON.stringify(toCustomerDto(entity)));
      const byId = await as(ctx.rep).get(id).expect(200);
      expect(byId.body).toEqual(expected);
      expect(byId.headers.etag).toBe(`"${entity.version}"`);
      const listed = (await as(ctx.rep).list(`?q=${encodeURIComponent(entity.name)}`).expect(200)).body.data;
      expect(listed).toEqual([expected]);
    }
    expect((await as(ctx.rep).get(full.id)).body).toMatchObject({ gradeLockedAt: '2026-01-01T19:04:05.678Z', claimedAt: '2026-03-04T05:06:07.999Z', nextFollowUpOn: '2026-05-06' });
    await ds.query(`UPDATE customers SET deleted_at = now() WHERE id = ANY($1)`, [[full.id, bare.id]]); // out of the other tests' lists
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const bad = async (body: object) => (await as(ctx.rep).create(body)).body;
    expect((await bad({ name: 'Phone Co', phone: '12345' })).errors[0]).toMatchObject({ field: 'phone', rule: 'isPhone' });
    expect((await bad({ name: 'x'.repeat(201) })).errors[0]).toMatchObject({ field: 'name', rule: 'maxLength' });
    expect((await bad({ name: 'Owner Co', ownerId: 'me' })).errors[0].field).toBe('ownerId');
    expect((await bad({ name: 'Stage Co', lifecycleStage: 'hot' })).errors[0].field).toBe('lifecycleStage');
    expect((await bad({ name: 'Tag Co', tags: Array(21).fill('t') })).errors[0].field).toBe('tags');
    expect((await bad({ name: 'Extra Co', ownerName: 'x' })).errors[0].field).toBe('ownerName');
    expect((await ds.query(`SELECT count(*)::int AS n FROM customers WHERE name LIKE '% Co'`))[0].n).toBe(0);
  });

  describe('duplicates', () => {
    it('suspects 字节跳动(北京) of being 北京字节跳动科技有限公司, unless told to keep both', async () => {
      const first = await as(ctx.rep).create({ name: '北京字节跳动科技有限公司', phone: '010-5825 0000' });
      expect(first.status).toBe(201);
      const second = await as(ctx.mate).create({ name: '字节跳动(北京)' });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('DUPLICATE_SUSPECTED');
      expect(second.body.candidates).toEqual([expect.objectContaining({ id: first.body.id, reasons: ['nameKey'], ownerId: ctx.repId })]);
      // The colleague learns who owns it, but not the out-of-scope contact details.
      expect(second.body.candidates[0].phone).toBeNull();
      const kept = await as(ctx.mate).create({ name: '字节跳动(北京)' }, '?allowDuplicate=true');
      expect(kept.status).toBe(201);
    });

    it('matches the same phone written differently, and similar names by trigram', async () => {
      await as(ctx.rep).create({ name: '深圳市腾飞电子有限公司', phone: '+86 139 0000 1111' });
      const byPhone = await as(ctx.rep).create({ name: 'Totally Different Ltd', phone: '13900001111' });
      expect(byPhone.status).toBe(409);
      expect(byPhone.body.candidates[0].reasons).toEqual(['phone']);
      expect(byPhone.body.candidates[0].phone).toBe('+8613900001111');
      await as(ctx.rep).create({ name: 'Northwind Traders International' });
      const similar = await as(ctx.rep).create({ name: 'Northwind Trader International' });
      expect(similar.status).toBe(409);
      expect(similar.body.candidates[0].reasons).toEqual(['similarName']);
    });

    it('re-checks on update when the name changes', async () => {
      const c = (await as(ctx.rep).create({ name: '杭州云栖数据有限公司' })).body;
      const other = (await as(ctx.rep).create({ name: '南京长江物流有限公司' })).body;
      const res = await as(ctx.rep).patch(other.id, other.version, { name: '云栖数据(杭州)' });
      expect(res.status).toBe(409);
      expect(res.body.candidates[0].id).toBe(c.id);
      expect((await as(ctx.rep).get(other.id)).body.name).toBe('南京长江物流有限公司');
    });
  });

  describe('scope, list, search', () => {
    let westId: string;
    beforeAll(async () => {
      westId = (await as(ctx.westRep).create({ name: '成都西部机械有限公司', tags: ['重点'] })).body.id;
      await as(ctx.mate).create({ name: '苏州同事客户有限公司', grade: 'A', province: '江苏', tags: ['重点'] });
    });

    it('a rep sees only their own customers; a manager their department; nobody sees the other region', async () => {
      const mine = (await as(ctx.rep).list('?limit=200&count=true')).body;
      expect(mine.data.every((c: { ownerId: string }) => c.ownerId === ctx.repId)).toBe(true);
      const dept = (await as(ctx.manager).list('?limit=200')).body.data;
      expect(dept.some((c: { ownerId: string }) => c.ownerId === ctx.mateId)).toBe(true);
      expect(dept.some((c: { id: string }) => c.id === westId)).toBe(false);
      expect((await as(ctx.rep).get(westId)).status).toBe(404);
      expect((await as(ctx.manager).patch(westId, 1, { name: 'mine now' })).status).toBe(404);
      expect((await t.http().delete(`/api/v1/customers/${westId}`).set(ctx.manager)).status).toBe(404);
      expect((await t.http().get(`/api/v1/customers/${westId}/history`).set(ctx.rep)).status).toBe(404);
      expect((await as(ctx.rep).list('?q=西部')).body.data).toEqual([]);
    });

    it('filters by tag, grade, province and Chinese substring; sorts and pages by keyset', async () => {
      expect((await as(ctx.manager).list('?tag=重点')).body.data.map((c: { name: string }) => c.name)).toEqual(['苏州同事客户有限公司']);
      expect((await as(ctx.manager).list('?grade=A&province=江苏')).body.data).toHaveLength(1);
      expect((await as(ctx.manager).list(`?q=${encodeURIComponent('同事')}`)).body.data).toHaveLength(1);
      expect((await as(ctx.manager).list(`?q=${encodeURIComponent('139 0000 1111')}`)).body.data[0].phone).toBe('+8613900001111');
      const all: string[] = [];
      let cursor = '';
      do {
        const page = (await as(ctx.manager).list(`?limit=2&sort=name${cursor ? `&cursor=${cursor}` : ''}`)).body;
        all.push(...page.data.map((c: { name: string }) => c.name));
        cursor = page.nextCursor ?? '';
      } while (cursor);
      const total = (await as(ctx.manager).list('?count=true&limit=1')).body.total;
      expect(all).toHaveLength(total);
      expect(all).toEqual([...all].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
    });

    it('finds customers without a follow-up for N days, and sorts never-followed-up first', async () => {
      const old = (await as(ctx.rep).create({ name: 'Stale Account Co' })).body;
      await ds.query(`UPDATE customers SET created_at = now() - interval '40 days' WHERE id = $1`, [old.id]);
      const recent = (await as(ctx.rep).create({ name: 'Fresh Follow Co' })).body;
      await ds.query(`UPDATE customers SET last_follow_up_at = now() - interval '1 day', created_at = now() - interval '90 days' WHERE id = $1`, [recent.id]);
      const stale = (await as(ctx.rep).list('?noFollowUpDays=30')).body.data.map((c: { id: string }) => c.id);
      expect(stale).toContain(old.id);
      expect(stale).not.toContain(recent.id);
      const byFollowUp = (await as(ctx.rep).list('?sort=lastFollowUpAt&limit=200')).body.data.map((c: { id: string }) => c.id);
      expect(byFollowUp.indexOf(old.id)).toBeLessThan(byFollowUp.indexOf(recent.id));
      const page = (await as(ctx.rep).list('?sort=-lastFollowUpAt&limit=1')).body;
      expect(page.data[0].id).toBe(recent.id);
      const next = (await as(ctx.rep).list(`?sort=-lastFollowUpAt&limit=200&cursor=${page.nextCursor}`)).body.data.map((c: { id: string }) => c.id);
      expect(next).toContain(old.id);
      expect(next).not.toContain(recent.id);
    });
  });

  describe('changes', () => {
    it('needs If-Match, refuses a stale version, and lets one of two concurrent edits win', async () => {
      const c = (await as(ctx.rep).create({ name: '并发测试有限公司' })).body;
      expect((await t.http().patch(`/api/v1/customers/${c.id}`).set(ctx.rep).send({ industry: 'IT' })).status).toBe(428);
      const [a, b] = await Promise.all([as(ctx.rep).patch(c.id, 1, { industry: 'IT' }), as(ctx.rep).patch(c.id, 1, { industry: '制造' })]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const got = await as(ctx.rep).get(c.id);
      expect(got.headers.etag).toBe('"2"');
      const history = (await t.http().get(`/api/v1/customers/${c.id}/history`).set(ctx.rep)).body.data;
      expect(history[0]).toMatchObject({ action: 'update', changes: { industry: { before: null, after: got.body.industry } } });
    });

    it('moves to the recycle bin and back', async () => {
      const c = (await as(ctx.manager).create({ name: '回收站测试有限公司' })).body;
      expect((await t.http().delete(`/api/v1/customers/${c.id}`).set(ctx.rep)).status).toBe(403);
      expect((await t.http().delete(`/api/v1/customers/${c.id}`).set(ctx.manager)).status).toBe(204);
      expect((await as(ctx.manager).get(c.id)).status).toBe(404);
      const restored = await t.http().post(`/api/v1/customers/${c.id}/restore`).set(ctx.manager);
      expect(restored.status).toBe(200);
      expect(restored.body.version).toBe(3);
      expect((await ds.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [c.id])).map((r: { action: string }) => r.action)).toEqual(['create', 'delete', 'restore']);
    });

    it('bulk-assigns and tags selected customers; a rep may not give customers away', async () => {
      const ids = [(await as(ctx.manager).create({ name: 'Bulk One Co' })).body.id, (await as(ctx.manager).create({ name: 'Bulk Two Co' })).body.id];
      const refused = await t.http().post('/api/v1/customers/bulk-update').set(ctx.rep).send({ ids, ownerId: ctx.mateId });
      expect(refused.status).toBe(403);
      const res = await t.http().post('/api/v1/customers/bulk-update').set(ctx.manager).send({ ids, ownerId: ctx.mateId, addTags: ['展会'] });
      expect(res.body).toEqual({ updated: 2 });
      const rows = await ds.query(`SELECT owner_id, department_id, tags, version FROM customers WHERE id = ANY($1)`, [ids]);
      expect(rows).toEqual([
        { owner_id: ctx.mateId, department_id: ctx.east, tags: ['展会'], version: 2 },
        { owner_id: ctx.mateId, department_id: ctx.east, tags: ['展会'], version: 2 },
      ]);
      expect((await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'assign' AND entity_id = ANY($1)`, [ids]))[0].n).toBe(2);
      const outside = await t.http().post('/api/v1/customers/bulk-update').set(ctx.rep).send({ ids, addTags: ['x'] });
      expect(outside.status).toBe(404);
      expect((await ds.query(`SELECT tags FROM customers WHERE id = $1`, [ids[0]]))[0].tags).toEqual(['展会']);
    });

    it('lets a rep create for themselves only; a manager may assign on create', async () => {
      expect((await as(ctx.rep).create({ name: 'Gift Co', ownerId: ctx.mateId })).status).toBe(403);
      const assigned = await as(ctx.manager).create({ name: 'Assigned Co', ownerId: ctx.mateId });
      expect(assigned.body).toMatchObject({ ownerId: ctx.mateId, departmentId: ctx.east });
    });
  });

  it('answers 403 MODULE_DISABLED when the department has not switched sales on', async () => {
    const dept = (await t.http().get(`/api/v1/departments/${ctx.west}`).set(admin)).body;
    await t.http().put(`/api/v1/module-rollout/${ctx.west}`).set(admin).set('If-Match', `"${dept.version}"`).send({ modules: ['service'] });
    const res = await as(ctx.westRep).list();
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('MODULE_DISABLED');
  });
});
