/**
 * Segments over HTTP on real PostgreSQL: create / read (ETag) / update (If-Match, 412 when
 * stale) / soft delete (404 after) with an audit row each; bad rules are 400 problem+json
 * naming the field; counts and members only ever hold what the caller's scope shows.
 */
import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootMarketingApp } from '../../test/marketing-test-kit';
import { buildSegmentsWorld, type SegmentsWorld } from '../../test/segments-world';

const southEmail = { match: 'all', conditions: [{ field: 'province', op: 'in', values: ['广东', '浙江'] }, { field: 'consent', op: 'optedIn', channel: 'email' }] };
const everyone = { match: 'all', conditions: [] };

describe('segments', () => {
  let t: TestApp;
  let w: SegmentsWorld;
  let ds: DataSource;

  const create = (body: object, auth = w.marketer) => t.http().post('/api/v1/segments').set(auth).send(body);
  const badRequest = async (body: object, field: string, rule?: string) => {
    const res = await create(body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, ...(rule ? { rule } : {}) })]));
    return res.body;
  };
  const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

  beforeAll(async () => {
    t = await bootMarketingApp();
    w = await buildSegmentsWorld(t);
    ds = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  describe('definitions', () => {
    it('creates, reads with an ETag, updates with If-Match and audits each write', async () => {
      const created = await create({ name: '华南邮件订阅', description: '广东浙江邮件', targetType: 'contact', rules: southEmail }).expect(201);
      expect(created.body).toMatchObject({ name: '华南邮件订阅', targetType: 'contact', version: 1, rules: southEmail, description: '广东浙江邮件' });
      expect(created.body.createdBy).toEqual(expect.any(String));
      const read = await t.http().get(`/api/v1/segments/${created.body.id}`).set(w.eastRep).expect(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.body.rules).toEqual(southEmail);

      const updated = await t.http().patch(`/api/v1/segments/${created.body.id}`).set(w.marketer).set('If-Match', '"1"').send({ name: '华南邮件订阅（新）' }).expect(200);
      expect(updated.body).toMatchObject({ name: '华南邮件订阅（新）', version: 2 });
      expect(updated.headers.etag).toBe('"2"');

      const audit = await ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'segment' AND entity_id = $1 ORDER BY id`, [created.body.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'update']);
      expect(audit[1].changes).toEqual({ name: { before: '华南邮件订阅', after: '华南邮件订阅（新）' } });
    });

    it('answers 412 to a stale If-Match and 428 without one', async () => {
      const { body } = await create({ name: 'stale', targetType: 'customer', rules: everyone }).expect(201);
      await t.http().patch(`/api/v1/segments/${body.id}`).set(w.marketer).set('If-Match', '"1"').send({ description: 'first' }).expect(200);
      const stale = await t.http().patch(`/api/v1/segments/${body.id}`).set(w.marketer).set('If-Match', '"1"').send({ description: 'second' }).expect(412);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      await t.http().patch(`/api/v1/segments/${body.id}`).set(w.marketer).send({ description: 'third' }).expect(428);
      expect((await t.http().get(`/api/v1/segments/${body.id}`).set(w.marketer)).body.description).toBe('first');
    });

    it('rechecks the rules when the target changes: contact conditions do not fit a customer segment', async () => {
      const { body } = await create({ name: 'switch', targetType: 'contact', rules: southEmail }).expect(201);
      const res = await t.http().patch(`/api/v1/segments/${body.id}`).set(w.marketer).set('If-Match', '"1"').send({ targetType: 'customer' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'rules.conditions.1.field', rule: 'fieldOfTarget' })]);
    });

    it('soft-deletes: the segment, its count and members are 404 afterwards, and it leaves the list', async () => {
      const { body } = await create({ name: 'to delete', targetType: 'customer', rules: everyone }).expect(201);
      await t.http().delete(`/api/v1/segments/${body.id}`).set(w.marketer).expect(204);
      for (const path of ['', '/count', '/members']) {
        const res = await t.http().get(`/api/v1/segments/${body.id}${path}`).set(w.marketer).expect(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      await t.http().patch(`/api/v1/segments/${body.id}`).set(w.marketer).set('If-Match', '"2"').send({ name: 'back' }).expect(404);
      await t.http().delete(`/api/v1/segments/${body.id}`).set(w.marketer).expect(404);
      const list = await t.http().get('/api/v1/segments?q=to%20delete').set(w.marketer).expect(200);
      expect(list.body.data).toEqual([]);
      const [row] = await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'segment' AND entity_id = $1 AND action = 'delete'`, [body.id]);
      expect(row.n).toBe(1);
    });

    it('lists with filters, sort and keyset pages', async () => {
      for (const name of ['列表 B', '列表 A', '列表 C']) await create({ name, targetType: name === '列表 C' ? 'contact' : 'customer', rules: everyone }).expect(201);
      const byName = await t.http().get('/api/v1/segments?q=列表&sort=name&limit=2&count=true').set(w.marketer).expect(200);
      expect(byName.body.data.map((s: { name: string }) => s.name)).toEqual(['列表 A', '列表 B']);
      expect(byName.body.total).toBe(3);
      const next = await t.http().get(`/api/v1/segments?q=列表&sort=name&limit=2&cursor=${byName.body.nextCursor}`).set(w.marketer).expect(200);
      expect(next.body).toMatchObject({ data: [expect.objectContaining({ name: '列表 C' })], nextCursor: null });
      const contacts = await t.http().get('/api/v1/segments?q=列表&targetType=contact').set(w.marketer).expect(200);
      expect(contacts.body.data.map((s: { name: string }) => s.name)).toEqual(['列表 C']);
      const newest = await t.http().get('/api/v1/segments?q=列表').set(w.marketer).expect(200);
      expect(newest.body.data[0].name).toBe('列表 C');
      await t.http().get('/api/v1/segments?sort=salary').set(w.marketer).expect(400);
      await t.http().get('/api/v1/segments?targetType=lead').set(w.marketer).expect(400);
    });

    it('needs marketing.segment.manage to write; readers may only read', async () => {
      const res = await create({ name: 'rep', targetType: 'customer', rules: everyone }, w.eastRep).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await t.http().get('/api/v1/segments').set(w.eastRep).expect(200);
    });
  });

  describe('validation', () => {
    const withCondition = (condition: object, targetType = 'customer') => ({ name: 'bad', targetType, rules: { match: 'all', conditions: [condition] } });

    it('refuses an unknown field, an operator the field does not offer and an empty list, naming each', async () => {
      await badRequest(withCondition({ field: 'salary', op: 'in', values: ['x'] }), 'rules.conditions.0.field', 'isIn');
      await badRequest(withCondition({ field: 'province', op: 'gte', amount: 3 }), 'rules.conditions.0.op', 'operatorOfField');
      await badRequest(withCondition({ field: 'province', op: 'between', values: ['x'] }), 'rules.conditions.0.op', 'isIn');
      await badRequest(withCondition({ field: 'province', op: 'in', values: [] }), 'rules.conditions.0.values', 'arrayMinSize');
      await badRequest(withCondition({ field: 'province', op: 'in' }), 'rules.conditions.0.values');
    });

    it('checks operands against their field: closed value sets, uuids, dates, days, amounts, channels', async () => {
      await badRequest(withCondition({ field: 'grade', op: 'in', values: ['Z'] }), 'rules.conditions.0.values', 'valueOfField');
      await badRequest(withCondition({ field: 'rfmSegment', op: 'in', values: ['whales'] }), 'rules.conditions.0.values', 'valueOfField');
      await badRequest(withCondition({ field: 'ownerId', op: 'in', values: ['not-a-uuid'] }), 'rules.conditions.0.values', 'valueOfField');
      await badRequest(withCondition({ field: 'createdAt', op: 'before', date: '2026-13-01' }), 'rules.conditions.0.date');
      await badRequest(withCondition({ field: 'createdAt', op: 'withinDays', days: 0 }), 'rules.conditions.0.days', 'min');
      await badRequest(withCondition({ field: 'lifetimeValue', op: 'gte', amount: 'lots' }), 'rules.conditions.0.amount');
      await badRequest(withCondition({ field: 'consent', op: 'optedIn', channel: 'fax' }, 'contact'), 'rules.conditions.0.channel', 'isEnum');
      await badRequest(withCondition({ field: 'hasEmail', op: 'is' }, 'contact'), 'rules.conditions.0.flag', 'isBoolean');
    });

    it('refuses unknown properties, a bad match, a contact field in a customer segment, a missing name', async () => {
      await badRequest(withCondition({ field: 'province', op: 'in', values: ['广东'], sql: '1=1' }), 'rules.conditions.0.sql', 'whitelistValidation');
      await badRequest({ name: 'bad', targetType: 'customer', rules: { match: 'some', conditions: [] } }, 'rules.match', 'isIn');
      await badRequest(withCondition({ field: 'consent', op: 'optedIn', channel: 'email' }), 'rules.conditions.0.field', 'fieldOfTarget');
      await badRequest({ targetType: 'customer', rules: everyone }, 'name');
      await badRequest({ name: 'x', targetType: 'lead', rules: everyone }, 'targetType', 'isIn');
      const preview = await t.http().post('/api/v1/segments/preview').set(w.marketer).send({ targetType: 'customer', rules: { match: 'all', conditions: [{ field: 'hasPhone', op: 'is', flag: true }] } }).expect(400);
      expect(preview.body.errors).toEqual([expect.objectContaining({ field: 'rules.conditions.0.field' })]);
    });

    it('treats values as data, never as SQL', async () => {
      const res = await t.http().post('/api/v1/segments/preview').set(w.marketer).send({ targetType: 'customer', rules: { match: 'all', conditions: [{ field: 'province', op: 'in', values: ["广东') OR ('1'='1"] }] } }).expect(200);
      expect(res.body.count).toBe(0);
    });
  });

  describe('data scope', () => {
    let segmentId: string;
    beforeAll(async () => {
      segmentId = (await create({ name: 'scope', targetType: 'contact', rules: { match: 'any', conditions: [{ field: 'province', op: 'in', values: ['广东', '浙江', '四川'] }] } }).expect(201)).body.id;
    });

    const seen = async (auth: Record<string, string>) => {
      const rows: { name: string; customerName: string }[] = [];
      let cursor: string | null = null;
      // One row a page: out-of-scope members must not surface on any page.
      do {
        const res: { body: { data: typeof rows; nextCursor: string | null } } = await t.http().get(`/api/v1/segments/${segmentId}/members?limit=1${cursor ? `&cursor=${cursor}` : ''}`).set(auth).expect(200);
        rows.push(...res.body.data);
        cursor = res.body.nextCursor;
      } while (cursor);
      const count = (await t.http().get(`/api/v1/segments/${segmentId}/count`).set(auth).expect(200)).body.count;
      expect(count).toBe(rows.length);
      return rows;
    };

    it("a rep sees only their own customers' contacts, in members, count and preview", async () => {
      expect(names(await seen(w.eastRep))).toEqual(['乙一', '甲一', '甲二'].sort());
      expect(names(await seen(w.westRep))).toEqual(['丙一']);
      const preview = await t.http().post('/api/v1/segments/preview').set(w.westRep).send({ targetType: 'customer', rules: everyone }).expect(200);
      expect(preview.body.count).toBe(1);
    });

    it('a department scope sees the department; company-wide sees everyone, the public pool included', async () => {
      expect(names(await seen(w.eastManager))).toEqual(['乙一', '甲一', '甲二'].sort());
      expect(names(await seen(w.marketer))).toEqual(['丁一', '丙一', '乙一', '甲一', '甲二'].sort());
    });

    it('paging asks for the total only when told to', async () => {
      const res = await t.http().get(`/api/v1/segments/${segmentId}/members?limit=2&count=true`).set(w.eastRep).expect(200);
      expect(res.body).toMatchObject({ total: 3, nextCursor: expect.any(String) });
      await t.http().get(`/api/v1/segments/${segmentId}/members?sort=salary`).set(w.eastRep).expect(400);
      await t.http().get(`/api/v1/segments/${segmentId}/members?cursor=garbage`).set(w.eastRep).expect(400);
    });
  });
});
