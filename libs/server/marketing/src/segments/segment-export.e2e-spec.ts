/**
 * A segment's members as a CSV call list, over HTTP on real PostgreSQL: BOM, header in the
 * caller's language, one row per member in the scope of both marketing.segment.read and
 * marketing.segment.export, a file name from the segment, 403 without the permission, 404 for
 * a deleted segment, one audit row per export, and a segment larger than one keyset batch.
 */
import { CsvReader } from '@kehu/contracts';
import type { TestApp } from '@kehu/server-testing';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { bootMarketingApp } from '../../test/marketing-test-kit';
import { buildSegmentsWorld, type Auth, type SegmentsWorld } from '../../test/segments-world';
import { MEMBERS_EXPORT_BATCH } from './segment-export.service';

const PASSWORD = 'Marketing-pass-1';
const everyone = { match: 'all', conditions: [] };
const EN_HEADER = ['Name', 'Customer', 'Province', 'City', 'Grade', 'Owner', 'E-mail', 'Phone', 'RFM segment'];

/** supertest's own text handling would drop the BOM: keep the raw bytes. */
const raw = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
const parseCsv = (body: Buffer): string[][] => {
  const r = new CsvReader();
  return [...r.push(body.toString('utf8')), ...r.end()];
};

describe('segment members as CSV', () => {
  let t: TestApp;
  let w: SegmentsWorld;
  let ds: DataSource;
  let seq = 0;
  let callRep: { id: string; auth: Auth };
  let readsAllExportsOwn: { id: string; auth: Auth };

  const post = async (url: string, body: object, auth: Auth = w.admin) => {
    const res = await t.http().post(url).set(auth).send(body);
    if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const user = async (name: string, role: string) => {
    const email = `${name}-${++seq}@kehu.test`;
    const [dept] = await ds.query(`SELECT id FROM departments WHERE name = '华东'`);
    const id = (await post('/api/v1/users', { email, name, roles: [role], password: PASSWORD, departmentId: dept.id })).id as string;
    return { id, auth: { Authorization: `Bearer ${await t.login(email, PASSWORD)}` } };
  };
  const segment = async (name: string, targetType: string, rules: object = everyone) => (await post('/api/v1/segments', { name, targetType, rules }, w.marketer)).id as string;
  const exportCsv = (auth: Auth, id: string, lang = 'en') => t.http().get(`/api/v1/segments/${id}/members.csv`).set(auth).set('Accept-Language', lang).buffer(true).parse(raw);

  beforeAll(async () => {
    t = await bootMarketingApp();
    w = await buildSegmentsWorld(t);
    ds = t.app.get(DataSource);
    await post('/api/v1/roles', { key: 'segment_exporter_own', name: 'Exports segments, own customers', permissions: { 'marketing.segment.read': 'own', 'marketing.segment.export': 'own' } });
    await post('/api/v1/roles', { key: 'segment_reads_all_exports_own', name: 'Reads all, exports own', permissions: { 'marketing.segment.read': 'all', 'marketing.segment.export': 'own' } });
    callRep = await user('call-rep', 'segment_exporter_own');
    readsAllExportsOwn = await user('all-reader', 'segment_reads_all_exports_own');
    // The call rep takes over 杭州乙, the other one 成都丙.
    await ds.query(`UPDATE customers SET owner_id = $1 WHERE name = '杭州乙'`, [callRep.id]);
    await ds.query(`UPDATE customers SET owner_id = $1 WHERE name = '成都丙'`, [readsAllExportsOwn.id]);
  });
  afterAll(() => t?.close());

  it('streams a contact segment: BOM, English header, every member in the members’ order, named after the segment', async () => {
    const id = await segment('华南/呼叫 "名单"', 'contact');
    const res = await exportCsv(w.marketer, id).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const date = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="segment-${date}.csv"; filename*=UTF-8''${encodeURIComponent(`华南_呼叫 _名单_-${date}.csv`)}`);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(body);
    expect(header).toEqual(EN_HEADER);
    // The members' page order (by name), every live contact of a live customer.
    const page = await t.http().get(`/api/v1/segments/${id}/members?limit=200`).set(w.marketer).expect(200);
    expect(rows.map((r) => r[0])).toEqual(page.body.data.map((m: { name: string }) => m.name));
    expect(rows).toHaveLength(5);
    expect(rows).toContainEqual(['甲二', '广州甲', '广东', '广州', 'A', 'east-rep', '', '+8613800000002', 'champions']);
    expect(rows).toContainEqual(['丁一', '公海丁', '广东', '深圳', '', '', 'd1@example.com', '', 'no_orders']);
  });

  it('writes the header in Chinese for a zh Accept-Language, and a customer segment newest first', async () => {
    const id = await segment('全部客户', 'customer');
    const [header, ...rows] = parseCsv((await exportCsv(w.marketer, id, 'zh-CN,zh;q=0.9').expect(200)).body);
    expect(header).toEqual(['名称', '客户', '省份', '城市', '客户等级', '负责人', '邮箱', '电话', 'RFM 分群']);
    const newest = await ds.query(`SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC`);
    expect(rows.map((r) => r[0])).toEqual(newest.map((c: { name: string }) => c.name));
    expect(rows).toContainEqual(['广州甲', '广州甲', '广东', '广州', 'A', 'east-rep', '', '', 'champions']);
  });

  it("gives a rep only their own customers' members, and narrows to the export scope when it is smaller than the read scope", async () => {
    const contacts = await segment('联系人导出范围', 'contact');
    const customers = await segment('客户导出范围', 'customer');
    const [, ...repContacts] = parseCsv((await exportCsv(callRep.auth, contacts).expect(200)).body);
    expect(repContacts).toEqual([['乙一', '杭州乙', '浙江', '杭州', 'B', 'call-rep', 'b1@example.com', '+8613800000003', 'no_orders']]);
    const [, ...repCustomers] = parseCsv((await exportCsv(callRep.auth, customers).expect(200)).body);
    expect(repCustomers.map((r) => r[0])).toEqual(['杭州乙']);

    // Reads every member, exports only its own.
    const page = await t.http().get(`/api/v1/segments/${contacts}/members?limit=200`).set(readsAllExportsOwn.auth).expect(200);
    expect(page.body.data).toHaveLength(5);
    const [, ...own] = parseCsv((await exportCsv(readsAllExportsOwn.auth, contacts).expect(200)).body);
    expect(own.map((r) => r[0])).toEqual(['丙一']);
  });

  it('refuses a caller without marketing.segment.export with 403, and a deleted or unknown segment with 404, as problem+json', async () => {
    const id = await segment('将删除', 'contact');
    const refused = await exportCsv(w.eastRep, id).expect(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http().delete(`/api/v1/segments/${id}`).set(w.marketer).expect(204);
    for (const target of [id, '00000000-0000-4000-8000-000000000000']) {
      const gone = await t.http().get(`/api/v1/segments/${target}/members.csv`).set(w.marketer).expect(404);
      expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(gone.body.code).toBe('NOT_FOUND');
    }
  });

  it('writes one audit row per export, with the segment and the row count', async () => {
    const id = await segment('审计', 'contact');
    await exportCsv(callRep.auth, id).expect(200);
    const rows = await ds.query(`SELECT actor_id, changes FROM audit_events WHERE action = 'export' AND entity_type = 'segment' AND entity_id = $1`, [id]);
    expect(rows).toEqual([{ actor_id: callRep.id, changes: { name: { before: null, after: '审计' }, count: { before: null, after: 1 } } }]);
  });

  it('reads a segment larger than one keyset batch whole, without repeats, across ties in the name', async () => {
    const owner = await user('bulk-owner', 'segment_exporter_own');
    const [customer] = await ds.query(`INSERT INTO customers (name, name_key, lifecycle_stage, source, owner_id, created_at) VALUES ('批量客户', '批量客户', 'customer', 'other', $1, now()) RETURNING id`, [owner.id]);
    const n = MEMBERS_EXPORT_BATCH + 3;
    // Seven names only: ties straddle the batch boundary, so the id must break them.
    await ds.query(`INSERT INTO contacts (customer_id, name, emails) SELECT $1, 'Bulk ' || (i % 7), ARRAY['bulk' || i || '@example.com'] FROM generate_series(1, $2) i`, [customer.id, n]);
    const id = await segment('批量', 'contact', { match: 'all', conditions: [{ field: 'ownerId', op: 'in', values: [owner.id] }] });
    const [, ...rows] = parseCsv((await exportCsv(owner.auth, id).expect(200)).body);
    const expected = await ds.query(`SELECT emails[1] AS email FROM contacts WHERE customer_id = $1 ORDER BY name, id`, [customer.id]);
    expect(rows).toHaveLength(n);
    expect(rows.map((r) => r[6])).toEqual(expected.map((c: { email: string }) => c.email));
    const [audit] = await ds.query(`SELECT changes FROM audit_events WHERE action = 'export' AND entity_id = $1`, [id]);
    expect(audit.changes.count.after).toBe(n);
  });
});
