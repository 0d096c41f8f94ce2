import type { TestApp } from '@kehu/server-testing';
import { bootSalesApp } from '../../test/sales-test-kit';

describe('global search over leads and opportunities', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await bootSalesApp();
    admin = { Authorization: `Bearer ${await t.login()}` };
    const post = async (url: string, body: object) => {
      const res = await t.http().post(url).set(admin).send(body);
      if (res.status !== 201) throw new Error(`${url} ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const customer = await post('/api/v1/customers', { name: '星河云计算有限公司' });
    await post('/api/v1/opportunities', { customerId: customer.id, name: '星河私有云扩容项目' });
    await post('/api/v1/leads', { personName: '林星河', companyName: '星河物流', phone: '139 1111 2222' });
  });
  afterAll(() => t?.close());

  it('ranks customers, opportunities and leads together', async () => {
    const hits = (await t.http().get(`/api/v1/search?q=${encodeURIComponent('星河')}`).set(admin)).body.data as { type: string; title: string }[];
    expect(hits.map((h) => `${h.type}:${h.title}`).sort()).toEqual(['customer:星河云计算有限公司', 'lead:林星河', 'opportunity:星河私有云扩容项目']);
    const byPhone = (await t.http().get('/api/v1/search?q=13911112222').set(admin)).body.data;
    expect(byPhone[0]).toMatchObject({ type: 'lead', title: '林星河', score: 1 });
  });
});
