import type { TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootCustomersApp } from '../../test/customers-test-kit';

describe('custom fields', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Record<string, string>;
  const post = (url: string, body: object) => t.http().post(url).set(admin).send(body);

  beforeAll(async () => {
    t = await bootCustomersApp();
    ds = t.app.get(DataSource);
    admin = { Authorization: `Bearer ${await t.login()}` };
    for (const def of [
      { entityType: 'customer', key: 'erp_level', label: 'ERP 等级', type: 'single_select', options: ['VIP', 'Normal'], sortOrder: 1 },
      { entityType: 'customer', key: 'annual_budget', label: '年度预算', type: 'money', sortOrder: 2 },
      { entityType: 'customer', key: 'signed_on', label: 'Signed on', type: 'date' },
      { entityType: 'customer', key: 'channels', label: 'Channels', type: 'multi_select', options: ['web', 'store'] },
      { entityType: 'customer', key: 'is_partner', label: 'Partner', type: 'boolean' },
    ]) {
      const res = await post('/api/v1/custom-fields', def);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
  });
  afterAll(() => t?.close());

  it('defines fields with validation, and builds a sort index for each', async () => {
    expect((await post('/api/v1/custom-fields', { entityType: 'customer', key: 'erp_level', label: 'x', type: 'text' })).status).toBe(409);
    expect((await post('/api/v1/custom-fields', { entityType: 'customer', key: 'Bad-Key', label: 'x', type: 'text' })).body.errors[0].field).toBe('key');
    expect((await post('/api/v1/custom-fields', { entityType: 'customer', key: 'pick', label: 'x', type: 'single_select' })).body.errors[0].field).toBe('options');
    expect((await post('/api/v1/custom-fields', { entityType: 'customer', key: 'txt', label: 'x', type: 'text', options: ['a'] })).body.errors[0].field).toBe('options');
    const list = (await t.http().get('/api/v1/custom-fields?entityType=customer').set(admin)).body;
    expect(list.map((d: { key: string }) => d.key)).toEqual(['channels', 'is_partner', 'signed_on', 'erp_level', 'annual_budget']);
    const indexes = (await ds.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'customers' AND indexname LIKE 'cf_%'`)).map((r: { indexname: string }) => r.indexname).sort();
    expect(indexes).toEqual(['cf_customers_annual_budget_idx', 'cf_customers_erp_level_idx', 'cf_customers_is_partner_idx', 'cf_customers_signed_on_idx']);
  });

  it('validates values server-side, naming the field', async () => {
    const bad = async (customFields: object) => (await post('/api/v1/customers?allowDuplicate=true', { name: 'CF Co', customFields })).body.errors;
    expect(await bad({ erp_level: 'Gold' })).toEqual([expect.objectContaining({ field: 'customFields.erp_level', rule: 'single_select' })]);
    expect((await bad({ annual_budget: '100' }))[0].field).toBe('customFields.annual_budget');
    expect((await bad({ signed_on: '2026-13-45' }))[0].field).toBe('customFields.signed_on');
    expect((await bad({ channels: ['web', 'tv'] }))[0].field).toBe('customFields.channels');
    expect((await bad({ nope: 1 }))[0]).toMatchObject({ field: 'customFields.nope', rule: 'customField' });
    expect((await ds.query(`SELECT count(*)::int AS n FROM customers WHERE name = 'CF Co'`))[0].n).toBe(0);
  });

  it('enforces required fields on create, and updates only the sent keys', async () => {
    const def = (await t.http().get('/api/v1/custom-fields?entityType=customer').set(admin)).body.find((d: { key: string }) => d.key === 'erp_level');
    expect((await t.http().patch(`/api/v1/custom-fields/${def.id}`).set(admin).set('If-Match', '"1"').send({ required: true })).status).toBe(200);
    const missing = await post('/api/v1/customers?allowDuplicate=true', { name: 'Required Co' });
    expect(missing.body.errors[0]).toMatchObject({ field: 'customFields.erp_level', rule: 'required' });
    const created = await post('/api/v1/customers?allowDuplicate=true', { name: 'Required Co', customFields: { erp_level: 'VIP', annual_budget: 1234.567 } });
    expect(created.body.customFields).toEqual({ erp_level: 'VIP', annual_budget: 1234.57 });
    const updated = await t.http().patch(`/api/v1/customers/${created.body.id}`).set(admin).set('If-Match', '"1"').send({ customFields: { annual_budget: null, is_partner: true } });
    expect(updated.body.customFields).toEqual({ erp_level: 'VIP', is_partner: true });
    expect((await t.http().patch(`/api/v1/customers/${created.body.id}`).set(admin).set('If-Match', '"2"').send({ customFields: { erp_level: null } })).body.errors[0].rule).toBe('required');
    await t.http().patch(`/api/v1/custom-fields/${def.id}`).set(admin).set('If-Match', '"2"').send({ required: false });
  });

  it('keeps definitions in memory and drops them the moment one changes, however it was changed', async () => {
    const create = (name: string) => post('/api/v1/customers?allowDuplicate=true', { name, customFields: { channels: ['web'] } });
    expect((await create('Cache Co 1')).status).toBe(201);
    // As another replica or an operator would: straight in the table (its trigger signals the change).
    await ds.query(`UPDATE custom_field_definitions SET options = ARRAY['store'] WHERE entity_type = 'customer' AND key = 'channels'`);
    const refused = await create('Cache Co 2');
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('customFields.channels');
    await ds.query(`UPDATE custom_field_definitions SET options = ARRAY['web', 'store'] WHERE entity_type = 'customer' AND key = 'channels'`);
    expect((await create('Cache Co 3')).status).toBe(201);
  });

  it('filters and sorts lists by custom fields, with keyset paging', async () => {
    for (const [name, level, budget, channels] of [
      ['CF Alpha', 'VIP', 500, ['web']],
      ['CF Beta', 'Normal', 100, ['store']],
      ['CF Gamma', 'VIP', 300, ['web', 'store']],
    ] as const) {
      await post('/api/v1/customers?allowDuplicate=true', { name, customFields: { erp_level: level, annual_budget: budget, channels } });
    }
    const names = async (query: string) => (await t.http().get(`/api/v1/customers?${query}`).set(admin)).body.data.map((c: { name: string }) => c.name);
    expect((await names('customField=erp_level:VIP&q=CF%20')).sort()).toEqual(['CF Alpha', 'CF Gamma']);
    expect(await names('customField=channels:store&customField=erp_level:VIP')).toEqual(['CF Gamma']);
    expect(await names('customField=annual_budget:100')).toEqual(['CF Beta']);
    expect(await names('q=CF%20&sort=-cf.annual_budget')).toEqual(['CF Alpha', 'CF Gamma', 'CF Beta']);
    const first = (await t.http().get('/api/v1/customers?q=CF%20&sort=cf.annual_budget&limit=1').set(admin)).body;
    expect(first.data[0].name).toBe('CF Beta');
    expect(await names(`q=CF%20&sort=cf.annual_budget&limit=1&cursor=${first.nextCursor}`)).toEqual(['CF Gamma']);
    expect((await t.http().get('/api/v1/customers?customField=ghost:1').set(admin)).body.errors[0].field).toBe('customField');
    expect((await t.http().get('/api/v1/customers?sort=cf.ghost').set(admin)).body.errors[0].field).toBe('sort');
  });

  it('answers 403 to users without admin.custom-field.manage', async () => {
    const dept = (await post('/api/v1/departments', { name: 'D' })).body.id;
    await post('/api/v1/users', { email: 'cf.rep@kehu.test', name: 'r', roles: ['sales_rep'], password: 'Rep-pass-12345', departmentId: dept });
    const rep = { Authorization: `Bearer ${await t.login('cf.rep@kehu.test', 'Rep-pass-12345')}` };
    expect((await t.http().post('/api/v1/custom-fields').set(rep).send({ entityType: 'customer', key: 'x', label: 'x', type: 'text' })).status).toBe(403);
    expect((await t.http().get('/api/v1/custom-fields').set(rep)).status).toBe(200);
  });
});
