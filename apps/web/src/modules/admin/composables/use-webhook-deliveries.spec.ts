import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '@/test/fake-api';
import { useWebhookDeliveries } from './use-webhook-deliveries';

const webhookId = 'a6f1c1f4-2b7e-4c1e-9a39-1d8d0c7f0d11';
const deliveryId = '0b6f0d3e-8d52-4a4c-9a2a-5c3f1e0a7b21';
const delivery = (status: string, attempts: number, extra: object = {}) => ({
  id: deliveryId, webhookId, eventId: '1042', eventType: 'customer.created', status, attempts, nextAttemptAt: null, lastAttemptAt: null,
  lastStatusCode: null, lastDurationMs: null, lastError: null, deliveredAt: null, createdAt: '2026-11-27T04:00:00Z', ...extra,
});
const webhook = { id: webhookId, name: 'ERP', url: 'https://x', events: ['*'], active: true, pausedReason: null, description: null, consecutiveFailures: 0, lastDelivery: null, createdBy: null, createdAt: '', updatedAt: '', version: 1 };

describe('useWebhookDeliveries', () => {
  it('filters by status, keeps opened rows read on refresh, and redelivers in place', async () => {
    let current = delivery('failed', 8, { lastStatusCode: 500 });
    const api = fakeApi({
      [`GET /api/v1/webhooks/${webhookId}/deliveries`]: () => json(200, { data: [current], nextCursor: null }),
      [`GET /api/v1/webhook-deliveries/${deliveryId}`]: () => json(200, { ...current, requestBody: '{"id":"1042"}', requestHeaders: {}, responseBody: 'no' }),
      [`POST /api/v1/webhook-deliveries/${deliveryId}/redeliver`]: () =>
        current.status === 'pending' ? problem(409, 'CONFLICT') : json(200, (current = delivery('pending', 0, { nextAttemptAt: '2026-11-27T04:01:00Z' }))),
    });
    const log = useWebhookDeliveries();
    await log.show(webhook);
    log.status.value = 'failed' as never;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const lists = api.calls(`GET /api/v1/webhooks/${webhookId}/deliveries`);
    expect(new URL(lists[lists.length - 1][0].url).searchParams.get('status')).toBe('failed');

    await log.detail(log.rows.value[0]);
    await log.refresh();
    expect(log.details.get(deliveryId)?.lastStatusCode).toBe(500);

    await log.redeliver(log.rows.value[0]);
    expect(log.rows.value[0]).toMatchObject({ status: 'pending', attempts: 0 });
    await expect(log.redeliver(log.rows.value[0])).rejects.toMatchObject({ status: 409 });
  });
});
