import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { substringMatch } from '@kehu/server-core';
import { bootCustomersApp } from '../../test/customers-test-kit';
import { customerTextMatch } from '../customers/customer-search-text';

const PASSWORD = 'Rep-pass-12345';

describe('global search', () => {
  let t: TestApp;
  let rep: { Authorization: string };
  let other: { Authorization: string };
  let bytedance: string;

  beforeAll(async () => {
    t = await bootCustomersApp();
    const admin = { Authorization: `Bearer ${await t.login()}` };
    const post = async (url: string, body: object, auth: Record<string, string> = admin) => {
      const res = await t.http().post(url).set(auth).send(body);
      if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const east = (await post('/api/v1/departments', { name: 'East' })).id;
    const west = (await post('/api/v1/departments', { name: 'West' })).id;
    await post('/api/v1/users', { email: 'rep@kehu.test', name: 'Rep', roles: ['sales_rep'], password: PASSWORD, departmentId: east });
    await post('/api/v1/users', { email: 'other@kehu.test', name: 'Other', roles: ['sales_rep'], password: PASSWORD, departmentId: west });
    rep = { Authorization: `Bearer ${await t.login('rep@kehu.test', PASSWORD)}` };
    other = { Authorization: `Bearer ${await t.login('other@kehu.test', PASSWORD)}` };
    bytedance = (await post('/api/v1/customers', { name: '北京字节跳动科技有限公司', phone: '010-58250000', email: 'bd@bytedance.com' }, rep)).id;
    await post('/api/v1/customers?allowDuplicate=true', { name: '字节教育有限公司' }, rep);
    await post('/api/v1/customers', { name: 'Zijie Trading Ltd' }, rep);
    await post('/api/v1/contacts', { customerId: bytedance, name: '张一鸣', phones: ['138 0000 9999'], emails: ['zym@bytedance.com'] }, rep);
    await post('/api/v1/customers', { name: '字节西部分公司' }, other);
  });
  afterAll(() => t?.close());

  const search = async (q: string, auth = rep) => {
    const res = await t.http().get(`/api/v1/search?q=${encodeURIComponent(q)}`).set(auth);
    expect(res.status).toBe(200);
    return res.body.data as { type: string; title: string; score: number; customerId: string }[];
  };

  it('finds Chinese substrings across customers, ranked, within the caller\'s scope only', async () => {
    const hits = await search('字节');
    expect(hits.map((h) => h.title)).toEqual(expect.arrayContaining(['北京字节跳动科技有限公司', '字节教育有限公司']));
    expect(hits.map((h) => h.title)).not.toContain('字节西部分公司');
    expect(hits[0].title).toBe('字节教育有限公司'); // name starts with the query
    expect((await search('字节', other)).map((h) => h.title)).toEqual(['字节西部分公司']);
  });

  it('finds by phone in any format and by e-mail, customers and contacts alike', async () => {
    const byPhone = await search('010 5825 0000');
    expect(byPhone[0]).toMatchObject({ type: 'customer', title: '北京字节跳动科技有限公司', score: 1 });
    const contact = await search('13800009999');
    expect(contact[0]).toMatchObject({ type: 'contact', title: '张一鸣', customerId: bytedance, score: 1 });
    expect((await search('ZYM@bytedance.com'))[0].title).toBe('张一鸣');
    expect((await search('张一鸣', other))).toEqual([]);
  });

  it('finds Latin names by partial words and validates the query', async () => {
    expect((await search('trading'))[0].title).toBe('Zijie Trading Ltd');
    expect((await t.http().get('/api/v1/search?q=').set(rep)).body.errors[0].field).toBe('q');
    expect((await t.http().get(`/api/v1/search?q=${'x'.repeat(101)}`).set(rep)).status).toBe(400);
    expect((await t.http().get('/api/v1/search?q=a&limit=51').set(rep)).body.errors[0].field).toBe('limit');
  });

  it('matches one character, two, and longer pieces anywhere in the name, and lists filter the same way', async () => {
    expect((await search('张')).map((h) => h.title)).toContain('张一鸣');
    expect((await search('跳动科技')).map((h) => h.title)).toEqual(['北京字节跳动科技有限公司']);
    expect(await search('动字')).toEqual([]); // every bigram exists in the name, the substring does not
    const list = await t.http().get(`/api/v1/customers?q=${encodeURIComponent('字节')}`).set(rep);
    expect(list.body.data.map((c: { name: string }) => c.name).sort()).toEqual(['北京字节跳动科技有限公司', '字节教育有限公司']);
  });

  it('follows renames, the recycle bin and restores: search and the duplicate check read the current name', async () => {
    const admin = { Authorization: `Bearer ${await t.login()}` };
    const created = await t.http().post('/api/v1/customers').set(rep).send({ name: '星河测绘有限公司' });
    expect(created.status).toBe(201);
    expect((await search('星河')).map((h) => h.title)).toEqual(['星河测绘有限公司']);
    const renamed = await t.http().patch(`/api/v1/customers/${created.body.id}`).set(rep).set('If-Match', '"1"').send({ name: '银河测绘有限公司' });
    expect(renamed.status).toBe(200);
    expect(await search('星河')).toEqual([]);
    expect((await search('银河测')).map((h) => h.title)).toEqual(['银河测绘有限公司']);
    const list = await t.http().get(`/api/v1/customers?q=${encodeURIComponent('银河')}`).set(rep);
    expect(list.body.data.map((c: { name: string }) => c.name)).toEqual(['银河测绘有限公司']);
    // The fuzzy company-key check finds it under its new name (from another department too).
    const dup = await t.http().post('/api/v1/customers').set(other).send({ name: '银河测绘(上海)有限公司' });
    expect(dup.status).toBe(409);
    expect(dup.body.candidates.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    expect((await t.http().delete(`/api/v1/customers/${created.body.id}`).set(admin)).status).toBe(204);
    expect(await search('银河测', admin)).toEqual([]);
    const bin = await t.http().get(`/api/v1/customers?deleted=true&q=${encodeURIComponent('银河测')}`).set(admin);
    expect(bin.body.data.map((c: { name: string }) => c.name)).toEqual(['银河测绘有限公司']);
    expect((await t.http().post('/api/v1/customers').set(other).send({ name: '银河测绘(上海)有限公司' })).status).toBe(201);
    expect((await t.http().post(`/api/v1/customers/${created.body.id}/restore`).set(admin)).status).toBe(200);
    expect((await search('银河测绘', admin)).map((h) => h.title).sort()).toEqual(['银河测绘(上海)有限公司', '银河测绘有限公司']);
  });

  it('keeps a search-terms row exactly for each live customer, and drops it with a hard-deleted one', async () => {
    const ds = t.app.get(DataSource);
    const orphans = `SELECT count(*)::int AS n FROM customer_search_terms t WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = t.customer_id AND c.deleted_at IS NULL)`;
    const missing = `SELECT count(*)::int AS n FROM customers c WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM customer_search_terms t WHERE t.customer_id = c.id)`;
    expect((await ds.query(orphans))[0].n).toBe(0);
    expect((await ds.query(missing))[0].n).toBe(0);
    const created = await t.http().post('/api/v1/customers').set(rep).send({ name: '云端清除测试有限公司' }).expect(201);
    expect((await search('云端清除')).map((h) => h.title)).toEqual(['云端清除测试有限公司']);
    // A hard delete (no endpoint does one; an operator's purge or a test fixture might), in one statement with another row.
    await ds.query(`DELETE FROM customers WHERE id = ANY($1)`, [[created.body.id]]);
    expect((await ds.query(`SELECT count(*)::int AS n FROM customer_search_terms WHERE customer_id = $1`, [created.body.id]))[0].n).toBe(0);
    expect((await ds.query(orphans))[0].n).toBe(0);
    expect(await search('云端清除')).toEqual([]);
  });

  it('answers the same hits in a list-of-people scope (hashed against the scope) as with everything in scope', async () => {
    const admin = { Authorization: `Bearer ${await t.login()}` };
    const mine = await t.http().post('/api/v1/customers').set(rep).send({ name: 'Greenfield Robotics Ltd' });
    await t.http().post('/api/v1/contacts').set(rep).send({ customerId: mine.body.id, name: 'Greta Green', phones: ['139 1111 2222'] }).expect(201);
    const theirs = await t.http().post('/api/v1/customers').set(other).send({ name: 'Greenway Foods Ltd' });
    await t.http().post('/api/v1/contacts').set(other).send({ customerId: theirs.body.id, name: 'Gregory Green' }).expect(201);
    const hits = await search('green');
    expect(hits.map((h) => [h.type, h.title])).toEqual([
      ['customer', 'Greenfield Robotics Ltd'],
      ['contact', 'Greta Green'],
    ]);
    const everyone = await search('green', admin);
    expect(everyone.map((h) => h.title).sort()).toEqual(['Greenfield Robotics Ltd', 'Greenway Foods Ltd', 'Gregory Green', 'Greta Green']);
    // The contact's subtitle (its customer and first phone) and scores are the same either way.
    expect(hits).toEqual(everyone.filter((h) => hits.some((x) => x.title === h.title)));
    expect((hits[1] as unknown as { subtitle: string }).subtitle).toBe('Greenfield Robotics Ltd · +8613911112222');
  });

  it('writes the search condition exactly as the bigram indexes are defined, so the planner can use them', async () => {
    // The planner matches an expression index by the expression's parse tree: the plan's
    // rendering of our condition must contain the index's own rendering of its expression.
    const ds = t.app.get(DataSource);
    const check = async (index: string, sql: string) => {
      const [{ def }] = await ds.query(`SELECT pg_get_indexdef($1::regclass) AS def`, [index]);
      const expression = /USING gin \((.*?)\)(?: WHERE .*)?$/.exec(def.replace(/ WITH \([^)]*\)/, ''))![1]; // storage options (fastupdate) are not the expression
      const plan = ((await ds.query(`EXPLAIN ${sql}`)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain(expression);
    };
    const where = (expr: string) => substringMatch(expr, '字节', 'l', 't').replace(':l', `'%字节%'`).replace(':t', `'字节'`);
    await check('customer_search_terms_bigrams_idx', `SELECT c.id FROM customers c WHERE ${customerTextMatch('字节', 'l', 't', {}).replace(':l', `'%字节%'`).replace(':t', `'字节'`)} AND c.deleted_at IS NULL`);
    await check('contacts_search_bigrams_idx', `SELECT k.id FROM contacts k WHERE ${where('k.name')} AND k.deleted_at IS NULL`);
  });
});
