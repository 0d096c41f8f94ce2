import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { CustomerKind, CustomerSource, LifecycleStage, type CustomerDto } from '@kehu/contracts';
import { fakeApi, json, problem } from '@/test/fake-api';
import { setLocale } from '@/i18n';
import { createBody, updateBody, useCustomerForm, valuesOf } from './use-customer-form';

const existing: CustomerDto = {
  id: '11111111-1111-4111-8111-111111111111', kind: CustomerKind.COMPANY, name: '杭州西湖茶业有限公司', shortName: null, industry: '茶叶', country: 'CN',
  province: null, city: null, address: null, website: null, phone: '+8613900000000', email: null, source: CustomerSource.OTHER,
  lifecycleStage: LifecycleStage.PROSPECT, grade: null, gradeLockedAt: null, gradeReason: null, tags: ['VIP'], ownerId: 'me', departmentId: null, developerId: 'me', poolId: null, claimedAt: null, lockedAt: null, referredByCustomerId: null, externalId: null,
  externalSource: null, lastFollowUpAt: null, nextFollowUpOn: null, customFields: { erp_level: 'VIP' }, completeness: 40,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 3,
};
const hiddenId = '22222222-2222-4222-8222-222222222222';

const customFields = [
  { id: 'f1', entityType: 'customer', key: 'erp_level', label: 'ERP', type: 'single_select', options: ['VIP', 'Normal'], required: true, sortOrder: 0, active: true, version: 1 },
];

function duplicateAnswer() {
  return json(
    409,
    {
      type: 'about:blank', title: 'Duplicate suspected', status: 409, code: 'DUPLICATE_SUSPECTED', detail: 'Likely the same customer exists',
      candidates: [
        { id: existing.id, name: existing.name, phone: existing.phone, email: null, ownerId: 'me', reasons: ['phone', 'nameKey'], score: 1 },
        { id: hiddenId, name: '杭州西湖茶业', phone: null, email: null, ownerId: 'someone', reasons: ['similarName'], score: 0.7 },
      ],
    },
    { 'Content-Type': 'application/problem+json' },
  );
}

describe('the customer form', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    setLocale('en');
  });

  it('checks the shared DTO and the custom fields before sending anything', async () => {
    const api = fakeApi({ 'GET /api/v1/custom-fields': () => json(200, customFields) });
    const form = useCustomerForm();
    await form.openCreate();
    form.values.email = 'not-mail';
    expect(await form.submit()).toBeNull();
    expect(form.errors.value).toMatchObject({ name: 'This field is required', email: 'This is not an e-mail address' });
    expect(form.customErrors.value).toEqual({ erp_level: 'This field is required' });
    expect(api.calls('POST /api/v1/customers')).toHaveLength(0);
  });

  it('on a suspected duplicate lists the candidates, marks which are visible, and creates anyway on request', async () => {
    let created = 0;
    const api = fakeApi({
      'GET /api/v1/custom-fields': () => json(200, []),
      'POST /api/v1/customers': (request) => {
        if (new URL(request.url).searchParams.get('allowDuplicate') !== 'true') return duplicateAnswer();
        created++;
        return json(201, { ...existing, id: '33333333-3333-4333-8333-333333333333' });
      },
      [`GET /api/v1/customers/${existing.id}`]: () => json(200, existing),
      [`GET /api/v1/customers/${hiddenId}`]: () => problem(404, 'NOT_FOUND'),
    });
    const form = useCustomerForm();
    await form.openCreate();
    form.values.name = ' 杭州西湖茶业有限公司 ';
    form.values.phone = '139 0000 0000';

    expect(await form.submit()).toBeNull();
    expect(form.candidates.value?.map((c) => c.id)).toEqual([existing.id, hiddenId]);
    expect(form.candidates.value?.[0].reasons).toEqual(['phone', 'nameKey']);
    expect([...form.candidateRecords.value.keys()]).toEqual([existing.id]);
    const sent = await api.calls('POST /api/v1/customers')[0][0].json();
    expect(sent).toEqual({ kind: 'company', name: ' 杭州西湖茶业有限公司 ', phone: '139 0000 0000', lifecycleStage: 'prospect' });

    const saved = await form.submit(true);
    expect(saved?.id).toBe('33333333-3333-4333-8333-333333333333');
    expect(created).toBe(1);
    expect(form.candidates.value).toBeNull();
  });

  it('edits send only the changed fields with If-Match, cleared ones as null', async () => {
    let sent: unknown;
    const api = fakeApi({
      'GET /api/v1/custom-fields': () => json(200, customFields),
      [`PATCH /api/v1/customers/${existing.id}`]: async (request) => {
        sent = await request.json();
        return json(200, { ...existing, ...(sent as object), version: 4 });
      },
    });
    const form = useCustomerForm();
    await form.openEdit(existing);
    form.values.industry = '';
    form.values.tags = ['VIP', '重点'];
    form.custom.value.erp_level = 'Normal';
    const saved = await form.submit();
    expect(saved?.version).toBe(4);
    const [request] = api.calls(`PATCH /api/v1/customers/${existing.id}`)[0];
    expect(request.headers.get('If-Match')).toBe('"3"');
    expect(sent).toEqual({ industry: null, tags: ['VIP', '重点'], customFields: { erp_level: 'Normal' } });
  });

  it('builds bodies from form values', () => {
    const values = valuesOf(existing);
    expect(createBody({ ...values, tags: [] })).not.toHaveProperty('tags');
    expect(updateBody(values, existing)).toEqual({});
  });

  it('sends the referrer when picked and null when it is taken away', () => {
    const referrer = '33333333-3333-4333-8333-333333333333';
    expect(createBody({ ...valuesOf(existing), referredByCustomerId: referrer })).toMatchObject({ referredByCustomerId: referrer });
    expect(createBody(valuesOf(existing))).not.toHaveProperty('referredByCustomerId');
    const referred = { ...existing, referredByCustomerId: referrer };
    expect(updateBody({ ...valuesOf(referred), referredByCustomerId: '' }, referred)).toEqual({ referredByCustomerId: null });
  });
});
