import { describe, expect, it } from 'vitest';
import { WebhookDeliveryStatus } from '@kehu/contracts';
import { deliveryTag, nextAttempt, prettyBody } from './webhook-delivery-status';

const now = Date.parse('2026-11-27T04:00:00Z');
const pendingAt = (iso: string) => ({ status: WebhookDeliveryStatus.PENDING, nextAttemptAt: iso });

describe('webhook delivery status', () => {
  it('tags a pending delivery that failed before as retrying', () => {
    expect(deliveryTag({ status: WebhookDeliveryStatus.PENDING, attempts: 0 })).toEqual({ key: 'queued', type: 'info' });
    expect(deliveryTag({ status: WebhookDeliveryStatus.PENDING, attempts: 1 })).toEqual({ key: 'retrying', type: 'warning' });
    expect(deliveryTag({ status: WebhookDeliveryStatus.DELIVERED, attempts: 2 })).toEqual({ key: 'delivered', type: 'success' });
    expect(deliveryTag({ status: WebhookDeliveryStatus.FAILED, attempts: 8 })).toEqual({ key: 'failed', type: 'danger' });
  });

  it('says when a pending delivery is tried next', () => {
    expect(nextAttempt(pendingAt('2026-11-27T03:59:59Z'), now)).toEqual({ key: 'now', n: 0 });
    expect(nextAttempt(pendingAt('2026-11-27T04:00:50Z'), now)).toEqual({ key: 'minutes', n: 1 });
    expect(nextAttempt(pendingAt('2026-11-27T04:30:00Z'), now)).toEqual({ key: 'minutes', n: 30 });
    expect(nextAttempt(pendingAt('2026-11-27T10:00:00Z'), now)).toEqual({ key: 'hours', n: 6 });
    expect(nextAttempt(pendingAt('2026-11-30T04:00:00Z'), now)).toEqual({ key: 'days', n: 3 });
    expect(nextAttempt({ status: WebhookDeliveryStatus.DELIVERED, nextAttemptAt: null }, now)).toBeNull();
  });

  it('indents JSON bodies and leaves others as they are', () => {
    expect(prettyBody('{"id":"1","data":{"a":1}}')).toBe('{\n  "id": "1",\n  "data": {\n    "a": 1\n  }\n}');
    expect(prettyBody('<html>oops</html>')).toBe('<html>oops</html>');
    expect(prettyBody(null)).toBe('');
  });
});
