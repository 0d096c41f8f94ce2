/**
 * CSV export and import through HTTP on real PostgreSQL: exports honour the data scope and
 * the list's filters, carry custom-field columns and keep Chinese intact (UTF-8 with BOM);
 * imports normalise like the API, report bad rows with reasons without stopping, handle
 * duplicates as asked, finish a few thousand rows, and refuse callers without permission.
 */
import type { TestApp } from '@kehu/server-testing';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { bootIntegrationsApp } from '../test/integrations-test-kit';
import { ImportRunner } from './imports/import-runner';
import { CsvReader } from '@kehu/contracts';

const PASSWORD = 'Integrations-pass-1';
type Auth = Record<string, string>;

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

describe('CSV import and export', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  let seq = 0;
  const ctx = {} as { east: string; west: string; eastManager: Auth; eastManagerId: string; westManager: Auth; westManagerId: string; rep: Auth; repId: string; eastRepId: string };

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
  const exportCsv = (auth: Auth, entity: 'customers' | 'leads' | 'opportunities', query = '', lang = 'en') =>
    t.http().get(`/api/v1/${entity}/export.csv${query}`).set(auth).set('Accept-Language', lang).buffer(true).parse(raw);
  const upload = (auth: Auth, entity: 'customers' | 'leads', csv: string | Buffer, query = '', type = 'text/csv') =>
    t.http().post(`/api/v1/${entity}/imports${query}`).set(auth).set('Content-Type', type).send(Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'));
  /** Polls the job until it finishes, as the dialog does. */
  const finished = async (auth: Auth, id: string) => {
    for (let i = 0; i < 300; i++) {
      const res = await t.http().get(`/api/v1/imports/${id}`).set(auth).expect(200);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} did not finish`);
  };
  const runImport = async (auth: Auth, entity: 'customers' | 'leads', csv: string, query = '') => {
    const res = await upload(auth, entity, csv, query);
    if (res.status !== 202) throw new Error(`import ${res.status} ${JSON.stringify(res.body)}`);
    return finished(auth, res.body.id);
  };
  const customersNamed = (auth: Auth, q: string) => t.http().get(`/api/v1/customers?q=${encodeURIComponent(q)}&limit=200`).set(auth).expect(200).then((r: Response) => r.body.data as Record<string, any>[]);

  beforeAll(async () => {
    t = await bootIntegrationsApp();
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    ctx.east = (await post('/api/v1/departments', { name: '华东' })).id;
    ctx.west = (await post('/api/v1/departments', { name: '西部' })).id;
    const eastManager = await loginAs('east-manager', ['sales_manager'], ctx.east);
    const westManager = await loginAs('west-manager', ['sales_manager'], ctx.west);
    const rep = await loginAs('rep', ['sales_rep'], ctx.east);
    Object.assign(ctx, { eastManager: eastManager.auth, eastManagerId: eastManager.id, westManager: westManager.auth, westManagerId: westManager.id, rep: rep.auth, repId: rep.id });
    await post('/api/v1/custom-fields', { entityType: 'customer', key: 'erp_level', label: 'ERP等级', type: 'single_select', options: ['VIP', '普通'] });
    await post('/api/v1/custom-fields', { entityType: 'customer', key: 'budget', label: '年度预算', type: 'number' });
    await post('/api/v1/custom-fields', { entityType: 'lead', key: 'campaign_code', label: 'Campaign code', type: 'text' });
  });
  afterAll(() => t?.close());

  describe('export', () => {
    beforeAll(async () => {
      await post('/api/v1/customers?allowDuplicate=true', { name: '上海云图科技有限公司', grade: 'A', tags: ['重点', 'VIP'], phone: '13812345678', customFields: { erp_level: 'VIP', budget: 120000 } }, ctx.eastManager);
      await post('/api/v1/customers?allowDuplicate=true', { name: '杭州青山贸易有限公司', grade: 'B', customFields: { erp_level: '普通' } }, ctx.eastManager);
      await post('/api/v1/customers?allowDuplicate=true', { name: '成都西部机密客户有限公司', grade: 'A' }, ctx.westManager);
      await post('/api/v1/leads?allowDuplicate=true', { personName: '王东', companyName: '东方仪器', customFields: { campaign_code: 'FAIR-2026' } }, ctx.eastManager);
      await post('/api/v1/leads?allowDuplicate=true', { personName: '李西', companyName: '西部仪器' }, ctx.westManager);
    });

    it("exports only the caller's scope, with the list's filters, custom-field columns and Chinese intact behind a BOM", async () => {
      const res = await exportCsv(ctx.eastManager, 'customers', '', 'zh-CN,zh;q=0.9').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(body);
      expect(header.slice(0, 3)).toEqual(['编号', '客户名称', '客户类型']);
      expect(header).toEqual(expect.arrayContaining(['电话', '标签', '负责人', 'ERP等级', '年度预算']));
      const names = rows.map((r) => r[header.indexOf('客户名称')]);
      expect(names.sort()).toEqual(['上海云图科技有限公司', '杭州青山贸易有限公司']);
      expect(names).not.toContain('成都西部机密客户有限公司');
      const yuntu = rows.find((r) => r[1] === '上海云图科技有限公司')!;
      expect(yuntu[header.indexOf('标签')]).toBe('重点, VIP');
      expect(yuntu[header.indexOf('电话')]).toBe('+8613812345678');
      expect(yuntu[header.indexOf('ERP等级')]).toBe('VIP');
      expect(yuntu[header.indexOf('年度预算')]).toBe('120000');
      expect(yuntu[header.indexOf('负责人')]).toBe('east-manager');

      const filtered = parseCsv((await exportCsv(ctx.eastManager, 'customers', '?grade=B').expect(200)).body);
      expect(filtered[0][1]).toBe('Name');
      expect(filtered.slice(1).map((r) => r[1])).toEqual(['杭州青山贸易有限公司']);
      const byCustomField = parseCsv((await exportCsv(ctx.eastManager, 'customers', '?customField=erp_level:VIP&headers=keys').expect(200)).body);
      expect(byCustomField[0]).toEqual(expect.arrayContaining(['name', 'phone', 'cf.erp_level', 'cf.budget']));
      expect(byCustomField.slice(1).map((r) => r[1])).toEqual(['上海云图科技有限公司']);
    });

    it("narrows to the export permission's scope when it is smaller than the read scope", async () => {
      await post('/api/v1/roles', { key: 'own_exporter', name: 'Reads all, exports own', permissions: { 'sales.customer.read': 'all', 'sales.customer.export': 'own' } });
      const exporter = await loginAs('exporter', ['own_exporter'], ctx.east);
      await post('/api/v1/customers?allowDuplicate=true', { name: '自有导出客户有限公司' }, admin).then((c) => ds.query(`UPDATE customers SET owner_id = $1 WHERE id = $2`, [exporter.id, c.id]));
      const list = await t.http().get('/api/v1/customers?limit=200').set(exporter.auth).expect(200);
      expect(list.body.data.length).toBeGreaterThan(1);
      const [, ...rows] = parseCsv((await exportCsv(exporter.auth, 'customers').expect(200)).body);
      expect(rows.map((r) => r[1])).toEqual(['自有导出客户有限公司']);
    });

    it('writes one audit row per export with the filter and the row count', async () => {
      await exportCsv(ctx.westManager, 'customers', '?grade=A').expect(200);
      const [row] = await ds.query(`SELECT actor_id, changes FROM audit_events WHERE action = 'export' AND entity_type = 'customer' ORDER BY id DESC LIMIT 1`);
      expect(row.actor_id).toBe(ctx.westManagerId);
      expect(row.changes).toEqual({ filter: { before: null, after: { grade: 'A' } }, count: { before: null, after: 1 } });
    });

    it('exports leads in scope with their custom fields, and refuses reps and bad filters', async () => {
      const [header, ...rows] = parseCsv((await exportCsv(ctx.eastManager, 'leads').expect(200)).body);
      expect(header).toEqual(expect.arrayContaining(['Name', 'Company', 'Campaign code']));
      expect(rows.map((r) => r[header.indexOf('Name')])).toEqual(['王东']);
      expect(rows[0][header.indexOf('Campaign code')]).toBe('FAIR-2026');

      const refused = await exportCsv(ctx.rep, 'customers');
      expect(refused.status).toBe(403);
      const bad = await t.http().get('/api/v1/customers/export.csv?grade=Z').set(ctx.eastManager).expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.errors[0].field).toBe('grade');
    });

    it('reads every row once across 5,000-row batches, ties on created_at included, gzipped or not', async () => {
      const north = (await post('/api/v1/departments', { name: '华北' })).id;
      const manager = await loginAs('north-manager', ['sales_manager'], north);
      // Three created_at values a microsecond apart: the batch boundaries fall inside runs of equal times.
      await ds.query(`INSERT INTO customers (name, name_key, department_id, created_at) SELECT '北方批量' || i, 'beifang' || i, $1, timestamptz '2026-01-01' + (i % 3) * interval '1 microsecond' FROM generate_series(1, 10001) i`, [north]);
      const expected = (await ds.query(`SELECT id FROM customers WHERE department_id = $1 ORDER BY created_at DESC, id DESC`, [north])).map((r: { id: string }) => r.id);
      const gzipped = await exportCsv(manager.auth, 'customers').expect(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      // Caches must keep the gzipped and the plain answer apart.
      expect(gzipped.headers.vary).toMatch(/\bAccept-Encoding\b/i);
      const [, ...rows] = parseCsv(gzipped.body);
      expect(rows.map((r) => r[0])).toEqual(expected);
      const plain = await exportCsv(manager.auth, 'customers').set('Accept-Encoding', 'gzip;q=0, identity').expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(gzipped.body)).toBe(true);
      const [row] = await ds.query(`SELECT changes FROM audit_events WHERE action = 'export' AND actor_id = $1 ORDER BY id DESC LIMIT 1`, [manager.id]);
      expect(row.changes.count.after).toBe(10001);
    });
  });

  describe('opportunity export', () => {
    beforeAll(async () => {
      await post('/api/v1/custom-fields', { entityType: 'opportunity', key: 'deal_source', label: '商机来源', type: 'text' });
      const east = await post('/api/v1/customers?allowDuplicate=true', { name: '南京东湖电子有限公司' }, ctx.eastManager);
      const west = await post('/api/v1/customers?allowDuplicate=true', { name: '重庆西山机械有限公司' }, ctx.westManager);
      await post('/api/v1/opportunities', { customerId: east.id, name: '东湖二期扩容', amount: 250000, expectedCloseDate: '2026-12-20', customFields: { deal_source: '展会' } }, ctx.eastManager);
      await post('/api/v1/opportunities', { customerId: east.id, name: '东湖备件年包', amount: 8000, expectedCloseDate: '2027-03-01' }, ctx.eastManager);
      await post('/api/v1/opportunities', { customerId: west.id, name: '西山机密大单', amount: 900000, expectedCloseDate: '2026-12-20' }, ctx.westManager);
    });

    it("exports only the manager's department, with customer, stage, amount, close date, owner and custom-field columns", async () => {
      const res = await exportCsv(ctx.eastManager, 'opportunities', '', 'zh-CN').expect(200);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="opportunities-\d{4}-\d{2}-\d{2}\.csv"/);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(body);
      expect(header).toEqual(expect.arrayContaining(['商机名称', '客户', '阶段', '金额', '预计成交日期', '负责人', '商机来源']));
      const col = (name: string) => header.indexOf(name);
      expect(rows.map((r) => r[col('商机名称')]).sort()).toEqual(['东湖二期扩容', '东湖备件年包'].sort());
      const big = rows.find((r) => r[col('商机名称')] === '东湖二期扩容')!;
      expect(big[col('客户')]).toBe('南京东湖电子有限公司');
      expect(big[col('阶段')]).not.toBe('');
      expect(Number(big[col('金额')])).toBe(250000);
      expect(big[col('预计成交日期')]).toBe('2026-12-20');
      expect(big[col('负责人')]).toBe('east-manager');
      expect(big[col('商机来源')]).toBe('展会');

      const [, ...west] = parseCsv((await exportCsv(ctx.westManager, 'opportunities').expect(200)).body);
      expect(west.map((r) => r[1])).toEqual(['西山机密大单']);
    });

    it("narrows to the export permission's scope: reads all, exports only its own", async () => {
      await post('/api/v1/roles', { key: 'own_opp_exporter', name: 'Reads all deals, exports own', permissions: { 'sales.customer.read': 'all', 'sales.opportunity.read': 'all', 'sales.opportunity.export': 'own' } });
      const exporter = await loginAs('opp-exporter', ['own_opp_exporter'], ctx.east);
      const [mine] = await t.http().get('/api/v1/opportunities?q=%E5%A4%87%E4%BB%B6').set(admin).expect(200).then((r: Response) => r.body.data);
      await ds.query(`UPDATE opportunities SET owner_id = $1 WHERE id = $2`, [exporter.id, mine.id]);
      const list = await t.http().get('/api/v1/opportunities?limit=200').set(exporter.auth).expect(200);
      expect(list.body.data.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['东湖二期扩容', '西山机密大单']));
      const [, ...rows] = parseCsv((await exportCsv(exporter.auth, 'opportunities').expect(200)).body);
      expect(rows.map((r) => r[1])).toEqual(['东湖备件年包']);
      await ds.query(`UPDATE opportunities SET owner_id = $1 WHERE id = $2`, [ctx.eastManagerId, mine.id]);
    });

    it("applies the list's filters and key headers", async () => {
      const [header, ...rows] = parseCsv((await exportCsv(ctx.eastManager, 'opportunities', '?amountMin=100000&headers=keys').expect(200)).body);
      expect(header).toEqual(expect.arrayContaining(['name', 'customer', 'stage', 'amount', 'expectedCloseDate', 'owner', 'cf.deal_source']));
      expect(rows.map((r) => r[header.indexOf('name')])).toEqual(['东湖二期扩容']);
      const [, ...byDate] = parseCsv((await exportCsv(ctx.eastManager, 'opportunities', '?expectedCloseFrom=2027-01-01&q=%E5%A4%87%E4%BB%B6').expect(200)).body);
      expect(byDate.map((r) => r[1])).toEqual(['东湖备件年包']);
    });

    it('writes one audit row with the filter and the row count', async () => {
      await exportCsv(ctx.eastManager, 'opportunities', '?amountMax=10000').expect(200);
      const rows = await ds.query(`SELECT actor_id, changes FROM audit_events WHERE action = 'export' AND entity_type = 'opportunity' AND actor_id = $1 ORDER BY id DESC`, [ctx.eastManagerId]);
      expect(rows[0].changes).toEqual({ filter: { before: null, after: { amountMax: 10000 } }, count: { before: null, after: 1 } });
    });

    it('refuses reps (no export permission) and bad filters', async () => {
      expect((await exportCsv(ctx.rep, 'opportunities')).status).toBe(403);
      const bad = await t.http().get('/api/v1/opportunities/export.csv?status=maybe').set(ctx.eastManager).expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.errors[0].field).toBe('status');
    });
  });

  describe('import', () => {
    it('creates customers with normalised values and custom fields, and reports bad rows with reasons without stopping', async () => {
      const csv = [
        '\uFEFF客户名称,电话,邮箱,标签,ERP等级,年度预算,城市',
        '"苏州 云杉导入 有限公司",１３８ 0000 1111,Sales@Suzhou-Import.CN,重点、华东,VIP,"1,500",苏州',
        '宁波海鸥导入有限公司,12345,,,,,',
        '无锡金石导入有限公司,,,,金牌,,',
        ',13900001111,,,,,',
        '温州红木导入有限公司,021-6000 1234,,,,abc,',
        '常州青竹导入有限公司,,,,普通,,常州',
      ].join('\r\n');
      const job = await runImport(ctx.eastManager, 'customers', csv);
      expect(job).toMatchObject({ status: 'done', total: 6, processed: 6, created: 2, failed: 4, skipped: 0 });

      const [suzhou] = await customersNamed(ctx.eastManager, '云杉导入');
      expect(suzhou).toMatchObject({ name: '苏州 云杉导入 有限公司', phone: '+8613800001111', email: 'sales@suzhou-import.cn', tags: ['重点', '华东'], city: '苏州', ownerId: ctx.eastManagerId, departmentId: ctx.east });
      expect(suzhou.customFields).toEqual({ erp_level: 'VIP', budget: 1500 });
      const history = await t.http().get(`/api/v1/customers/${suzhou.id}/history`).set(ctx.eastManager).expect(200);
      expect(history.body.data[0]).toMatchObject({ action: 'create', changes: { importId: { after: job.id } } });

      const errors = await t.http().get(`/api/v1/imports/${job.id}/errors.csv`).set(ctx.eastManager).buffer(true).parse(raw).expect(200);
      const [header, ...rows] = parseCsv(errors.body);
      expect(header).toEqual(['row', 'errors', '客户名称', '电话', '邮箱', '标签', 'ERP等级', '年度预算', '城市']);
      expect(rows.map((r) => [r[0], r[2]])).toEqual([['3', '宁波海鸥导入有限公司'], ['4', '无锡金石导入有限公司'], ['5', ''], ['6', '温州红木导入有限公司']]);
      expect(rows[0][1]).toMatch(/phone is not a valid phone number/);
      expect(rows[1][1]).toMatch(/customFields\.erp_level must be one of VIP, 普通/);
      expect(rows[2][1]).toMatch(/name/);
      expect(rows[3][1]).toMatch(/customFields\.budget must be a number/);
    });

    it('skips, updates or creates rows matching an existing customer by company key or external id, as asked', async () => {
      const existing = await post('/api/v1/customers?allowDuplicate=true', { name: '字节跳动', city: '北京' }, ctx.eastManager);
      const csv = 'name,city,externalSource,externalId\n北京字节跳动科技有限公司,海淀,erp,BD-1\n';

      const skipped = await runImport(ctx.eastManager, 'customers', csv, '?duplicates=skip');
      expect(skipped).toMatchObject({ status: 'done', created: 0, skipped: 1, updated: 0 });

      const updated = await runImport(ctx.eastManager, 'customers', csv, '?duplicates=update');
      expect(updated).toMatchObject({ status: 'done', created: 0, skipped: 0, updated: 1 });
      const after = await t.http().get(`/api/v1/customers/${existing.id}`).set(ctx.eastManager).expect(200);
      expect(after.body).toMatchObject({ name: '北京字节跳动科技有限公司', city: '海淀', externalId: 'BD-1', version: 2 });
      expect(after.headers.etag).toBe('"2"');

      // Now it carries the external id: creating anyway must not break its uniqueness.
      const refused = await runImport(ctx.eastManager, 'customers', csv, '?duplicates=create');
      expect(refused).toMatchObject({ status: 'done', created: 0, failed: 1 });
      const created = await runImport(ctx.eastManager, 'customers', 'name,city\n北京字节跳动科技有限公司,朝阳\n', '?duplicates=create');
      expect(created).toMatchObject({ status: 'done', created: 1 });
      expect((await customersNamed(ctx.eastManager, '字节跳动')).length).toBe(2);

      // A match outside the caller's scope is not changed.
      const west = await runImport(ctx.westManager, 'customers', 'name,city\n字节跳动,成都\n', '?duplicates=update');
      expect(west).toMatchObject({ status: 'done', updated: 0, failed: 1 });
      expect((await t.http().get(`/api/v1/customers/${existing.id}`).set(ctx.eastManager)).body.city).toBe('海淀');
    });

    it('matches external ids within their source: a row without a source matches only a record without one', async () => {
      const first = await runImport(ctx.eastManager, 'customers', 'name,externalSource,externalId\n源甲外部客户有限公司,erp,SRC-1\n源空外部客户有限公司,,SRC-1\n', '?duplicates=create');
      expect(first).toMatchObject({ status: 'done', created: 2, failed: 0 });
      const csv = 'name,city,externalSource,externalId\n源甲改名客户有限公司,杭州,erp,SRC-1\n源空改名客户有限公司,宁波,,SRC-1\n源乙外部客户有限公司,温州,crm,SRC-1\n';
      const again = await runImport(ctx.eastManager, 'customers', csv, '?duplicates=update');
      expect(again).toMatchObject({ status: 'done', updated: 2, created: 1, failed: 0 });
      const rows: { name: string; city: string | null; external_source: string | null }[] = await ds.query(
        `SELECT name, city, external_source FROM customers WHERE external_id = 'SRC-1' AND deleted_at IS NULL ORDER BY name`,
      );
      expect(rows).toEqual([
        { name: '源乙外部客户有限公司', city: '温州', external_source: 'crm' },
        { name: '源甲改名客户有限公司', city: '杭州', external_source: 'erp' },
        { name: '源空改名客户有限公司', city: '宁波', external_source: null },
      ]);
    });

    it('imports a few thousand rows in batches', async () => {
      const lines = ['客户名称,电话,ERP等级'];
      for (let i = 0; i < 3000; i++) lines.push(`批量客户${i}号有限公司,1390000${String(i).padStart(4, '0')},${i % 2 ? 'VIP' : '普通'}`);
      const job = await runImport(ctx.eastManager, 'customers', lines.join('\n'));
      expect(job).toMatchObject({ status: 'done', total: 3000, processed: 3000, created: 3000, failed: 0 });
      const [n] = await ds.query(`SELECT count(*)::int AS n, count(DISTINCT phone)::int AS phones FROM customers WHERE name LIKE '批量客户%' AND owner_id = $1`, [ctx.eastManagerId]);
      expect(n).toEqual({ n: 3000, phones: 3000 });
      const [audits] = await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'create' AND changes->'importId'->>'after' = $1`, [job.id]);
      expect(audits.n).toBe(3000);
    });

    it('imports the good rows of every batch and reports each bad one with the reasons the API gives for the same body', async () => {
      const bad: Record<number, { cells: string[]; body: Record<string, unknown> }> = {
        10: { cells: ['坏行客户甲有限公司', 'not-an-email', ''], body: { name: '坏行客户甲有限公司', email: 'not-an-email' } },
        2001: { cells: ['名'.repeat(201), '', ''], body: { name: '名'.repeat(201) } },
        2002: { cells: ['坏行客户乙有限公司', '', 'x'.repeat(31)], body: { name: '坏行客户乙有限公司', tags: ['x'.repeat(31)] } },
        4400: { cells: ['  ', 'a@b.cn', ''], body: { email: 'a@b.cn' } }, // a blank cell is a missing field
      };
      const lines = ['name,email,tags'];
      for (let row = 2; row <= 4501; row++) lines.push((bad[row]?.cells ?? [`分批客户${row}号有限公司`, `c${row}@batch.cn`, '导入']).join(','));
      const job = await runImport(ctx.eastManager, 'customers', lines.join('\n'));
      expect(job).toMatchObject({ status: 'done', total: 4500, processed: 4500, created: 4496, failed: 4, skipped: 0 });

      const errors = await t.http().get(`/api/v1/imports/${job.id}/errors.csv`).set(ctx.eastManager).buffer(true).parse(raw).expect(200);
      const [, ...rows] = parseCsv(errors.body);
      const expected = [];
      for (const [row, { body }] of Object.entries(bad)) {
        const res = await t.http().post('/api/v1/customers?allowDuplicate=true').set(ctx.eastManager).send(body).expect(400);
        expected.push([row, res.body.errors.map((e: { message: string }) => e.message).join('; ')]);
      }
      expect(rows.map((r) => [r[0], r[1]])).toEqual(expected);
    });

    it('writes a record once when its rows fall in two batches written at the same time', async () => {
      // Batches of 2,000 overlap two at a time, so rows 2,002+ are matched while rows 2–2,001 may not have committed.
      const matched = await post('/api/v1/customers?allowDuplicate=true', { name: '跨批更新客户有限公司', city: '北京' }, ctx.eastManager);
      const other = await post('/api/v1/customers?allowDuplicate=true', { name: '跨批外部编号客户有限公司', city: '北京' }, ctx.eastManager);
      const lines = ['name,city,externalSource,externalId'];
      for (let row = 2; row <= 4501; row++) {
        if (row === 1500) lines.push('跨批更新客户有限公司,上海,,');
        else if (row === 2500) lines.push('跨批更新客户有限公司,广州,,'); // the same record again, next batch
        else if (row === 1600) lines.push('跨批外部编号客户有限公司,深圳,crm,OLD-7'); // matched by name, gets an external id…
        else if (row === 2600) lines.push('改了名的客户有限公司,杭州,crm,OLD-7'); // …which this row matches in the next batch
        else if (row >= 2100 && row < 2150) lines.push(`跨批客户${row - 2000}号有限公司,成都,,`); // rows 100–149 again
        else lines.push(`跨批客户${row}号有限公司,成都,,`);
      }
      const job = await runImport(ctx.eastManager, 'customers', lines.join('\n'), '?duplicates=update');
      expect(job).toMatchObject({ status: 'done', processed: 4500, failed: 0, updated: 2, skipped: 52, created: 4500 - 2 - 52 });
      const [{ n, distinctNames }] = await ds.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS "distinctNames" FROM customers WHERE name LIKE '跨批客户%'`);
      expect({ n, distinctNames }).toEqual({ n: 4446, distinctNames: 4446 }); // 4,496 rows of them, 50 repeated from the batch before
      const first = await t.http().get(`/api/v1/customers/${matched.id}`).set(ctx.eastManager).expect(200);
      expect(first.body).toMatchObject({ city: '上海', version: 2 }); // the first row wins, written once
      const second = await t.http().get(`/api/v1/customers/${other.id}`).set(ctx.eastManager).expect(200);
      expect(second.body).toMatchObject({ name: '跨批外部编号客户有限公司', city: '深圳', externalId: 'OLD-7', version: 2 });
      expect(await customersNamed(ctx.eastManager, '改了名的客户')).toHaveLength(0);
    });

    it('commits batches in file order: when one fails, the batch written beside it rolls back and the counts stay a prefix', async () => {
      await ds.query(`CREATE FUNCTION poison_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = '毒行客户有限公司' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$`);
      await ds.query(`CREATE TRIGGER poison_row BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION poison_row()`);
      try {
        const lines = ['name'];
        for (let row = 2; row <= 6001; row++) lines.push(row === 3000 ? '毒行客户有限公司' : `顺序客户${row}号有限公司`);
        const job = await runImport(ctx.eastManager, 'customers', lines.join('\n'));
        expect(job).toMatchObject({ status: 'failed', processed: 2000, created: 2000 });
        const [{ n, last }] = await ds.query(`SELECT count(*)::int AS n, max(substring(name from '顺序客户(\\d+)号')::int) AS last FROM customers WHERE name LIKE '顺序客户%'`);
        expect({ n, last }).toEqual({ n: 2000, last: 2001 }); // rows 2–2,001; the third batch, written beside the failed second, rolled back
      } finally {
        await ds.query(`DROP TRIGGER poison_row ON customers; DROP FUNCTION poison_row()`);
      }
    });

    it('imports leads for a chosen owner in scope, and refuses an owner outside it', async () => {
      const eastRep = await loginAs('east-rep', ['sales_rep'], ctx.east);
      const csv = '姓名,公司名称,电话,Campaign code\n赵导入,导入仪器,+86 139-0000-2222,EXPO\n';
      const job = await runImport(ctx.eastManager, 'leads', csv, `?ownerId=${eastRep.id}`);
      expect(job).toMatchObject({ status: 'done', created: 1 });
      const leads = await t.http().get('/api/v1/leads?q=赵导入').set(eastRep.auth).expect(200);
      expect(leads.body.data[0]).toMatchObject({ personName: '赵导入', phone: '+8613900002222', ownerId: eastRep.id, customFields: { campaign_code: 'EXPO' } });

      const outside = await upload(ctx.eastManager, 'leads', csv, `?ownerId=${ctx.westManagerId}`).expect(400);
      expect(outside.body.errors[0].field).toBe('ownerId');
    });

    it('refuses files that are not CSV, have no header or miss the required column, before storing anything', async () => {
      const before = Number((await ds.query(`SELECT count(*) AS n FROM imports`))[0].n);
      const binary = await upload(ctx.eastManager, 'customers', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
      expect(binary.status).toBe(400);
      expect(binary.body.errors[0]).toMatchObject({ field: 'file' });
      const empty = await upload(ctx.eastManager, 'customers', '\n\n');
      expect(empty.status).toBe(400);
      expect(empty.body.detail).toMatch(/no header/);
      const noName = await upload(ctx.eastManager, 'customers', 'phone,city\n13800001111,上海\n');
      expect(noName.status).toBe(400);
      expect(noName.body.detail).toMatch(/客户名称/);
      const badMapping = await upload(ctx.eastManager, 'customers', 'a\n1\n', `?mapping=${encodeURIComponent('{"a":"nope"}')}`);
      expect(badMapping.status).toBe(400);
      expect(badMapping.body.errors[0].field).toBe('mapping');
      const json = await t.http().post('/api/v1/customers/imports').set(ctx.eastManager).send({ name: 'x' });
      expect(json.status).toBe(415);
      expect(json.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number((await ds.query(`SELECT count(*) AS n FROM imports`))[0].n)).toBe(before);
    });

    it('maps columns as told, and shows a job only to whoever started it', async () => {
      const job = await runImport(ctx.eastManager, 'customers', '公司,座机\n映射测试有限公司,010-8888 6666\n', `?mapping=${encodeURIComponent(JSON.stringify({ 公司: 'name', 座机: 'phone' }))}`);
      expect(job).toMatchObject({ status: 'done', created: 1, options: { mapping: { 公司: 'name', 座机: 'phone' } } });
      expect((await customersNamed(ctx.eastManager, '映射测试'))[0].phone).toBe('+861088886666');
      await t.http().get(`/api/v1/imports/${job.id}`).set(ctx.westManager).expect(404);
      await t.http().get(`/api/v1/imports/${job.id}/errors.csv`).set(ctx.westManager).expect(404);
      await t.http().get(`/api/v1/imports/${job.id}`).set(admin).expect(200);
    });

    it('resumes a dead run after its last committed batch, and never joins a live one', async () => {
      const lines = ['name'];
      for (let i = 0; i < 2500; i++) lines.push(`续传客户${i}号有限公司`);
      const copy = async (heartbeat: string) => {
        const [job] = await ds.query(
          `INSERT INTO imports (entity, status, total, processed, created, options, run_as, created_by, started_at, heartbeat_at)
           SELECT entity, 'running', 2500, 1000, 1000, jsonb_set(jsonb_set(options, '{mapping}', '{"name":"name"}'), '{header}', '["name"]'), run_as, created_by, now(), now() - $1::interval
             FROM imports WHERE created_by = $2 ORDER BY created_at LIMIT 1 RETURNING id`,
          [heartbeat, ctx.eastManagerId],
        );
        await ds.query(`INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, 0, $2)`, [job.id, Buffer.from(lines.join('\n'))]);
        return job.id as string;
      };
      const runner = t.app.get(ImportRunner);

      const live = await copy('5 seconds');
      await runner.run(live);
      expect((await t.http().get(`/api/v1/imports/${live}`).set(ctx.eastManager)).body).toMatchObject({ status: 'running', processed: 1000 });

      const dead = await copy('10 minutes');
      await runner.run(dead);
      expect((await t.http().get(`/api/v1/imports/${dead}`).set(ctx.eastManager)).body).toMatchObject({ status: 'done', processed: 2500, created: 2500 });
      const [{ first, n }] = await ds.query(`SELECT min(name) AS first, count(*)::int AS n FROM customers WHERE name LIKE '续传客户%'`);
      expect(n).toBe(1500); // rows 1001–2500: the first 1000 were the dead run's
      expect(first).toBe('续传客户1000号有限公司');
    });

    it('refuses callers without the import permission', async () => {
      await upload(ctx.rep, 'customers', 'name\nx\n').expect(403);
      await upload(ctx.rep, 'leads', 'personName\nx\n').expect(403);
      await t.http().get('/api/v1/customers/import-columns').set(ctx.rep).expect(403);
      const columns = await t.http().get('/api/v1/customers/import-columns').set(ctx.eastManager).expect(200);
      expect(columns.body.columns).toEqual(expect.arrayContaining([{ key: 'name', en: 'Name', 'zh-CN': '客户名称', required: true }, { key: 'cf.erp_level', en: 'ERP等级', 'zh-CN': 'ERP等级', required: false }]));
    });
  });
});
