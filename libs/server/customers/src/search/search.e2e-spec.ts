import type { TestApp } from '@kehu/server-testing';
import { bootCustomersApp } from '../../test/customers-test-kit';

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
});
