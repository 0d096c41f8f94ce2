import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/i18n';
import { fakeApi, json, problem } from '@/test/fake-api';
import { useWebhookForm } from './use-webhook-form';

vi.mock('element-plus', async (original) => ({ ...(await original<typeof import('element-plus')>()), ElMessage: { warning: vi.fn() } }));

const webhook = (version: number, extra: object = {}) => ({
  id: 'a6f1c1f4-2b7e-4c1e-9a39-1d8d0c7f0d11', name: 'ERP', url: 'https://erp.example.com/hook', events: ['customer.*'], active: true, pausedReason: null,
  description: null, consecutiveFailures: 0, lastDelivery: null, createdBy: null, createdAt: '2026-11-27T00:00:00Z', updatedAt: '2026-11-27T00:00:00Z', version, ...extra,
});
const path = `/api/v1/webhooks/${webhook(1).id}`;

describe('useWebhookForm', () => {
  beforeEach(() => setLocale('en'));

  it('creates and hands back the secret; a bad pattern is shown at its field before sending', async () => {
    const api = fakeApi({ 'POST /api/v1/webhooks': async (request) => json(201, { ...webhook(1), ...(await request.json()), secret: 's3cret' }) });
    const form = useWebhookForm();
    form.openCreate();
    Object.assign(form.values, { name: 'ERP', url: 'https://erp.example.com/hook', events: ['Customer Created'] });
    expect(await form.submit()).toBeNull();
    expect(form.errors.value.events).toBeTruthy();
    expect(api.calls('POST /api/v1/webhooks')).toHaveLength(0);

    form.values.events = ['customer.*'];
    expect(await form.submit()).toMatchObject({ secret: 's3cret', events: ['customer.*'] });
  });

  it('edits with If-Match, sending only what changed; the API 400 lands at the field; a 412 reloads the form', async () => {
    let stale = false;
    const api = fakeApi({
      [`PATCH ${path}`]: async (request) => {
        const body = await request.json();
        if (body.url) return new Response(JSON.stringify({ type: 'about:blank', title: 'Bad', status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'url', message: 'url must be http(s)', rule: 'matches' }] }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
        return stale ? problem(412, 'PRECONDITION_FAILED') : json(200, { ...webhook(3), ...body });
      },
      [`GET ${path}`]: () => json(200, webhook(4, { name: 'ERP (theirs)' })),
    });
    const form = useWebhookForm();
    form.openEdit(webhook(2));
    form.values.name = 'ERP sync';
    expect(await form.submit()).toMatchObject({ name: 'ERP sync', version: 3 });
    const [request] = api.calls(`PATCH ${path}`)[0];
    expect(request.headers.get('If-Match')).toBe('"2"');

    form.openEdit(webhook(3));
    form.values.url = 'https://other.example.com/hook';
    expect(await form.submit()).toBeNull();
    expect(form.errors.value.url).toBeTruthy();

    stale = true;
    form.openEdit(webhook(3));
    form.values.name = 'mine';
    expect(await form.submit()).toBeNull();
    expect(form.values.name).toBe('ERP (theirs)');
    expect(form.editing.value?.version).toBe(4);
  });
});
