import { WEBHOOK_EVENT_PATTERN } from '@kehu/contracts';
import { eventMatcher } from './webhook-event-pattern';
import { retryDelaySeconds, WEBHOOK_RETRY_DELAYS_SECONDS } from './webhook-retry';
import { webhookSignature } from './webhook-signature';

describe('webhook event patterns', () => {
  it('accepts event types and * patterns, nothing else', () => {
    for (const ok of ['*', 'customer.*', 'case.resolved', 'work_order.completed', '*.deleted', 'sales.*.created']) expect(WEBHOOK_EVENT_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', 'Customer.created', 'customer.', '.created', 'customer..created', 'customer created', 'customer.%', 'a;b']) expect(WEBHOOK_EVENT_PATTERN.test(bad)).toBe(false);
  });

  it('matches * across dots and everything else literally', () => {
    const m = eventMatcher(['customer.*', 'case.resolved', 'work_order.*']);
    expect(['customer.created', 'customer.merged', 'case.resolved', 'work_order.completed'].every(m)).toBe(true);
    expect(['customers.created', 'case.resolvedx', 'lead.created', 'workXorder.completed'].some(m)).toBe(false);
    expect(eventMatcher(['*'])('anything.at.all')).toBe(true);
    expect(eventMatcher([])('customer.created')).toBe(false);
  });
});

describe('webhook retries and signatures', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h, then gives up', () => {
    expect(WEBHOOK_RETRY_DELAYS_SECONDS.map((_, i) => retryDelaySeconds(i + 1))).toEqual([60, 300, 1800, 7200, 21600, 43200, 86400]);
    expect(retryDelaySeconds(8)).toBeNull();
  });

  it('signs "<t>.<body>" with HMAC-SHA256 (a known vector)', () => {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(webhookSignature('secret', '{"a":1}', 1700000000)).toBe('t=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686');
  });
});
