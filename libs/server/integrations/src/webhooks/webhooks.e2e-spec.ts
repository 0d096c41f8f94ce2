/**
 * Outgoing webhooks over HTTP on real PostgreSQL, with a local receiver: a subscription gets
 * exactly one signed POST per matching event (and none for others), failures are retried on
 * the schedule, redelivery, ping and secret rotation, pausing after repeated failures with a
 * notification, validation, permissions, If-Match; and with no subscription events still cost
 * the dispatcher nothing.
 */
import { createHmac } from 'node:crypto';
import { OutboxDispatcher } from '@kehu/server-core';
import { testPeople, type Auth, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { bootIntegrationsApp } from '../../test/integrations-test-kit';
import { startWebhookReceiver, type ReceivedRequest } from '../../test/webhook-receiver';
import { ActiveWebhookPatterns } from './active-webhook-patterns';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WEBHOOK_PAUSE_AFTER_FAILED_DELIVERIES, WEBHOOK_RETRY_DELAYS_SECONDS } from './webhook-retry';

/** What a receiver does: recompute the HMAC over "<t>.<body>" and compare. */
const verifies = (req: ReceivedRequest, secret: string): boolean => {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-kehu-signature']));
  return !!m && createHmac('sha256', secret).update(`${m[1]}.${req.body}`).digest('hex') === m[2];
};

describe('webhooks', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: Auth;
  let rep: Auth;
  let adminId: string;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let seq = 0;
  const secrets: string[] = [];

  const dispatch = () => t.app.get(OutboxDispatcher).dispatchOnce();
  const work = () => t.app.get(WebhookDeliveryWorker).runOnce();
  const createCustomer = async () => {
    const res = await t.http().post('/api/v1/customers?allowDuplicate=true').set(admin).send({ name: `钩子客户 ${++seq}` }).expect(201);
    return res.body.id as string;
  };
  const createWebhook = async (body: object = {}) => {
    const res = await t.http().post('/api/v1/webhooks').set(admin).send({ name: 'ERP sync', url: receiver.url, events: ['customer.*'], ...body });
    if (res.status !== 201) throw new Error(`webhook ${res.status} ${JSON.stringify(res.body)}`);
    secrets.push(res.body.secret);
    return res.body;
  };
  const delivery = async (id: string) => (await ds.query(`SELECT *, extract(epoch FROM next_attempt_at - now()) AS due_in FROM webhook_deliveries WHERE id = $1`, [id]))[0];
  const badRequest = async (body: object, field: string) => {
    const res = await t.http().post('/api/v1/webhooks').set(admin).send({ name: 'x', url: receiver.url, events: ['*'], ...body }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  };

  beforeAll(async () => {
    t = await bootIntegrationsApp();
    ds = t.app.get(DataSource);
    const people = await testPeople(t);
    admin = people.admin;
    adminId = (await t.http().get('/api/v1/me').set(admin).expect(200)).body.user.id;
    rep = (await people.user('rep', ['sales_rep'])).auth;
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('with no active subscription stores events already delivered (an import costs the dispatcher nothing)', async () => {
    const customerId = await createCustomer();
    const [event] = await ds.query(`SELECT dispatched_at FROM outbox_events WHERE aggregate_id = $1 AND type = 'customer.created'`, [customerId]);
    expect(event.dispatched_at).not.toBeNull();
    expect(t.app.get(OutboxDispatcher).wants('customer.created')).toBe(false);
  });

  it('refuses a non-http url, a bad pattern, unknown fields (400), and callers without the permission (403)', async () => {
    const ftp = await t.http().post('/api/v1/webhooks').set(admin).send({ name: 'x', url: 'ftp://erp.example.com/hook', events: ['*'] }).expect(400);
    expect(ftp.body.errors).toEqual([expect.objectContaining({ field: 'url', message: 'url must be an http:// or https:// address' })]);
    await badRequest({ url: `https://erp.example.com/${'x'.repeat(2000)}` }, 'url');
    await badRequest({ events: ['Customer created!'] }, 'events');
    await badRequest({ events: [] }, 'events');
    await badRequest({ secret: 'mine' }, 'secret');
    await t.http().get('/api/v1/webhooks').set(rep).expect(403);
    await t.http().post('/api/v1/webhooks').set(rep).send({ name: 'x', url: receiver.url, events: ['*'] }).expect(403);
    await t.http().get('/api/v1/webhooks/00000000-0000-4000-8000-000000000000').set(admin).expect(404);
    await t.http().get('/api/v1/webhooks/00000000-0000-4000-8000-000000000000/deliveries').set(admin).expect(404);
    await t.http().get('/api/v1/webhook-deliveries/00000000-0000-4000-8000-000000000000').set(admin).expect(404);
  });

  describe('a subscription to customer.*', () => {
    let hook: { id: string; secret: string; version: number };
    let first: string;

    beforeAll(async () => {
      hook = await createWebhook();
    });

    it('shows the secret on create only (32 bytes base64url) and never audits it', async () => {
      expect(hook.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const got = await t.http().get(`/api/v1/webhooks/${hook.id}`).set(admin).expect(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toMatchObject({ name: 'ERP sync', url: receiver.url, events: ['customer.*'], active: true, pausedReason: null, createdBy: adminId, version: 1 });
      expect(got.body.secret).toBeUndefined();
      const list = await t.http().get('/api/v1/webhooks').set(admin).expect(200);
      expect(list.body.data.map((w: { id: string }) => w.id)).toContain(hook.id);
      expect(list.body.data.every((w: object) => !('secret' in w))).toBe(true);
      const audit = await ds.query(`SELECT action, changes FROM audit_events WHERE entity_type = 'webhook' AND entity_id = $1`, [hook.id]);
      expect(audit).toEqual([expect.objectContaining({ action: 'create' })]);
      expect(JSON.stringify(audit)).not.toContain(hook.secret);
    });

    it('POSTs a matching event exactly once, signed, with the event in the body', async () => {
      expect(t.app.get(OutboxDispatcher).wants('customer.created')).toBe(true);
      const customerId = await createCustomer();
      const [event] = await ds.query(`SELECT id, occurred_at FROM outbox_events WHERE aggregate_id = $1 AND type = 'customer.created'`, [customerId]);
      await dispatch();
      await dispatch(); // at-least-once dispatch never fans out twice
      expect(await work()).toBe(1);
      expect(await work()).toBe(0);
      expect(receiver.received).toHaveLength(1);
      const req = receiver.received[0];
      const [row] = await ds.query(`SELECT id FROM webhook_deliveries WHERE event_id = $1`, [event.id]);
      first = row.id;
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/hooks/kehu');
      expect(req.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'Kehu-Webhooks/1', 'x-kehu-event': 'customer.created', 'x-kehu-delivery': first });
      expect(verifies(req, hook.secret)).toBe(true);
      expect(verifies(req, 'another-secret')).toBe(false);
      const t0 = Number(/t=(\d+)/.exec(String(req.headers['x-kehu-signature']))![1]);
      expect(Math.abs(t0 - Date.now() / 1000)).toBeLessThan(60);
      expect(JSON.parse(req.body)).toEqual({
        id: String(event.id),
        type: 'customer.created',
        occurredAt: new Date(event.occurred_at).toISOString(),
        aggregateType: 'customer',
        aggregateId: customerId,
        data: expect.objectContaining({ ownerId: adminId }),
        actorId: adminId,
      });
      expect(await delivery(first)).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200, response_body: 'ok', lease_until: null, last_error: null });
      expect((await delivery(first)).delivered_at).not.toBeNull();
    });

    it('sends nothing for an event type no pattern matches', async () => {
      await t.http().post('/api/v1/leads?allowDuplicate=true').set(admin).send({ personName: '李雷', companyName: '不相干公司' }).expect(201);
      const [lead] = await ds.query(`SELECT dispatched_at FROM outbox_events WHERE type = 'lead.created' ORDER BY id DESC LIMIT 1`);
      expect(lead.dispatched_at).not.toBeNull(); // nobody wants lead.*: stored delivered
      // Even when the dispatcher is unsure (an event stored pending), the fan-out matches against the table.
      await ds.query(`INSERT INTO outbox_events (type, aggregate_type, aggregate_id) VALUES ('lead.created', 'lead', 'x')`);
      await dispatch();
      expect(await work()).toBe(0);
      expect(receiver.received).toHaveLength(1);
      expect(await ds.query(`SELECT 1 FROM webhook_deliveries WHERE event_type LIKE 'lead.%'`)).toEqual([]);
    });

    it('matches patterns literally but for *: an underscore is not a wildcard', async () => {
      const orders = await createWebhook({ name: 'orders', events: ['work_order.*'] });
      await ds.query(`INSERT INTO outbox_events (type, aggregate_type, aggregate_id) VALUES ('work_order.completed', 'work_order', 'a'), ('workXorder.completed', 'work_order', 'b')`);
      await dispatch();
      const rows = await ds.query(`SELECT event_type FROM webhook_deliveries WHERE subscription_id = $1`, [orders.id]);
      expect(rows).toEqual([{ event_type: 'work_order.completed' }]);
      await t.http().delete(`/api/v1/webhooks/${orders.id}`).set(admin).expect(204);
      // Event types with a hyphen are patterns too.
      const consents = await createWebhook({ name: 'consents', events: ['contact.consent-changed'] });
      await t.http().delete(`/api/v1/webhooks/${consents.id}`).set(admin).expect(204);
    });

    it('retries a failed attempt a minute later, then delivers', async () => {
      receiver.answer(500);
      await createCustomer();
      await dispatch();
      expect(await work()).toBe(1);
      const [{ id }] = await ds.query(`SELECT id FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY seq DESC LIMIT 1`, [hook.id]);
      const failed = await delivery(id);
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, response_body: 'receiver error', lease_until: null });
      expect(Number(failed.due_in)).toBeGreaterThan(WEBHOOK_RETRY_DELAYS_SECONDS[0] - 5);
      expect(Number(failed.due_in)).toBeLessThanOrEqual(WEBHOOK_RETRY_DELAYS_SECONDS[0]);
      expect(await work()).toBe(0); // not due yet
      receiver.answer(200);
      await ds.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = $1`, [id]);
      expect(await work()).toBe(1);
      expect(await delivery(id)).toMatchObject({ status: 'delivered', attempts: 2, last_status_code: 200 });
      expect(receiver.received).toHaveLength(3);
      expect(receiver.received[1].headers['x-kehu-delivery']).toBe(id);
      expect(receiver.received[2].headers['x-kehu-delivery']).toBe(id);
    });

    it('records a network failure as an attempt with the error', async () => {
      const dead = await createWebhook({ name: 'dead', url: 'http://127.0.0.1:9/nothing-listens', events: ['customer.deleted'] });
      const customerId = await createCustomer();
      await t.http().delete(`/api/v1/customers/${customerId}`).set(admin).expect(204);
      await dispatch();
      expect(await work()).toBe(2); // customer.* got the created and (in turn) deleted ones; the dead one its deleted
      const [row] = await ds.query(`SELECT status, attempts, last_status_code, last_error, failed_attempts FROM webhook_deliveries WHERE subscription_id = $1`, [dead.id]);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null, failed_attempts: 1 });
      expect(row.last_error).toMatch(/fetch failed|ECONNREFUSED/);
      await t.http().delete(`/api/v1/webhooks/${dead.id}`).set(admin).expect(204);
      await ds.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE subscription_id = $1`, [dead.id]);
      expect(await work()).toBe(1); // the customer.deleted for customer.*; a deleted subscription gets nothing more
      await t.http().get(`/api/v1/webhooks/${dead.id}`).set(admin).expect(404);
    });

    it('sends a subscription\'s deliveries one at a time in event order, however many workers claim at once', async () => {
      const customers = [await createCustomer(), await createCustomer(), await createCustomer()];
      await dispatch();
      const before = receiver.received.length;
      // Two replicas at once: the first leases the oldest, the second finds the subscription busy.
      const claimed = await Promise.all([work(), work()]);
      expect(claimed[0] + claimed[1]).toBe(1);
      expect(await work()).toBe(1);
      expect(await work()).toBe(1);
      expect(await work()).toBe(0);
      expect(receiver.received.slice(before).map((r) => JSON.parse(r.body).aggregateId)).toEqual(customers);
    });

    it('drains a burst of one subscription in one go, in order (not one event per poll)', async () => {
      const customers = [await createCustomer(), await createCustomer(), await createCustomer(), await createCustomer()];
      await dispatch();
      const before = receiver.received.length;
      // A streak of failed deliveries ends with the first one that goes through.
      await ds.query(`UPDATE webhook_subscriptions SET consecutive_failures = 3 WHERE id = $1`, [hook.id]);
      expect(await t.app.get(WebhookDeliveryWorker).drain()).toBe(4);
      expect((await ds.query(`SELECT consecutive_failures FROM webhook_subscriptions WHERE id = $1`, [hook.id]))[0].consecutive_failures).toBe(0);
      expect(receiver.received.slice(before).map((r) => JSON.parse(r.body).aggregateId)).toEqual(customers);
      // One fan-out wrote them at one instant: the log still lists them newest event first.
      const log = (await t.http().get(`/api/v1/webhooks/${hook.id}/deliveries?limit=4`).set(admin).expect(200)).body.data as { eventId: string }[];
      const ids = log.map((d) => Number(d.eventId));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const bodies = receiver.received.slice(before).map((r) => Number(JSON.parse(r.body).id));
      expect(ids).toEqual([...bodies].reverse());
    });

    it('gives up an attempt after the timeout and retries it', async () => {
      const config = t.config;
      const timeout = config.webhookTimeoutMs;
      config.webhookTimeoutMs = 300;
      receiver.answer(200, 'late', 2000);
      try {
        await createCustomer();
        await dispatch();
        expect(await work()).toBe(1);
      } finally {
        config.webhookTimeoutMs = timeout;
        receiver.answer(200);
      }
      const [row] = await ds.query(`SELECT id, status, attempts, last_status_code, last_error, last_duration_ms FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY seq DESC LIMIT 1`, [hook.id]);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null, last_error: 'timed out after 300 ms' });
      expect(row.last_duration_ms).toBeGreaterThanOrEqual(290);
      await ds.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = $1`, [row.id]);
      expect(await work()).toBe(1);
      expect(await delivery(row.id)).toMatchObject({ status: 'delivered', attempts: 2 });
    });

    it('lists deliveries newest first, by status, and shows what was sent and answered', async () => {
      const all = await t.http().get(`/api/v1/webhooks/${hook.id}/deliveries`).set(admin).expect(200);
      const stored = await ds.query(`SELECT id FROM webhook_deliveries WHERE subscription_id = $1 ORDER BY seq DESC`, [hook.id]);
      expect(all.body.data.map((d: { id: string }) => d.id)).toEqual(stored.map((d: { id: string }) => d.id));
      expect(all.body.data[all.body.data.length - 1].id).toBe(first);
      const delivered = await t.http().get(`/api/v1/webhooks/${hook.id}/deliveries?status=delivered&limit=1`).set(admin).expect(200);
      expect(delivered.body.data).toHaveLength(1);
      expect(delivered.body.nextCursor).toEqual(expect.any(String));
      await t.http().get(`/api/v1/webhooks/${hook.id}/deliveries?status=lost`).set(admin).expect(400);
      const detail = await t.http().get(`/api/v1/webhook-deliveries/${first}`).set(admin).expect(200);
      expect(detail.body).toMatchObject({ id: first, webhookId: hook.id, eventType: 'customer.created', status: 'delivered', attempts: 1, lastStatusCode: 200, responseBody: 'ok', nextAttemptAt: null });
      expect(detail.body.requestHeaders).toMatchObject({ 'User-Agent': 'Kehu-Webhooks/1', 'X-Kehu-Delivery': first });
      expect(detail.body.requestBody).toBe(receiver.received[0].body);
    });

    it('redelivers a delivered one once, and refuses a pending one (409)', async () => {
      const res = await t.http().post(`/api/v1/webhook-deliveries/${first}/redeliver`).set(admin).expect(200);
      expect(res.body).toMatchObject({ id: first, status: 'pending', deliveredAt: null });
      await t.http().post(`/api/v1/webhook-deliveries/${first}/redeliver`).set(admin).expect(409);
      const before = receiver.received.length;
      expect(await work()).toBe(1);
      expect(receiver.received).toHaveLength(before + 1);
      expect(receiver.received[before].headers['x-kehu-delivery']).toBe(first);
      expect(receiver.received[before].body).toBe(receiver.received[0].body);
      expect(await delivery(first)).toMatchObject({ status: 'delivered', attempts: 2 });
      expect(await ds.query(`SELECT action FROM audit_events WHERE entity_type = 'webhook' AND entity_id = $1 AND action = 'redeliver'`, [hook.id])).toHaveLength(1);
    });

    it('pings this subscription only', async () => {
      const other = await createWebhook({ name: 'other', events: ['*'] });
      const res = await t.http().post(`/api/v1/webhooks/${hook.id}/ping`).set(admin).expect(201);
      expect(res.body).toMatchObject({ webhookId: hook.id, eventType: 'webhook.ping', status: 'pending', eventId: null, attempts: 0 });
      const before = receiver.received.length;
      expect(await work()).toBe(1);
      expect(receiver.received).toHaveLength(before + 1);
      const ping = receiver.received[before];
      expect(ping.headers).toMatchObject({ 'x-kehu-event': 'webhook.ping', 'x-kehu-delivery': res.body.id });
      expect(JSON.parse(ping.body)).toMatchObject({ id: res.body.id, type: 'webhook.ping', aggregateType: 'webhook', aggregateId: hook.id, data: { webhookId: hook.id } });
      expect(verifies(ping, hook.secret)).toBe(true);
      // The list and the webhook carry their newest delivery: the ping, delivered; none yet for the other.
      const listed = (await t.http().get('/api/v1/webhooks').set(admin).expect(200)).body.data as { id: string; lastDelivery: { id: string; status: string } | null }[];
      expect(listed.find((w) => w.id === hook.id)?.lastDelivery).toMatchObject({ id: res.body.id, eventType: 'webhook.ping', status: 'delivered' });
      expect(listed.find((w) => w.id === other.id)?.lastDelivery).toBeNull();
      expect((await t.http().get(`/api/v1/webhooks/${hook.id}`).set(admin).expect(200)).body.lastDelivery).toMatchObject({ id: res.body.id });
      await t.http().delete(`/api/v1/webhooks/${other.id}`).set(admin).expect(204);
    });

    it('needs a current If-Match to change or rotate (412 stale); a rotated secret signs from then on', async () => {
      await t.http().patch(`/api/v1/webhooks/${hook.id}`).set(admin).send({ name: 'x' }).expect(428);
      const stale = await t.http().patch(`/api/v1/webhooks/${hook.id}`).set(admin).set('If-Match', '"0"').send({ name: 'x' }).expect(412);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      await t.http().post(`/api/v1/webhooks/${hook.id}/rotate-secret`).set(admin).set('If-Match', '"0"').expect(412);
      const renamed = await t.http().patch(`/api/v1/webhooks/${hook.id}`).set(admin).set('If-Match', '"1"').send({ name: 'ERP 同步', description: '订单系统' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'ERP 同步', description: '订单系统', version: 2 });
      expect(renamed.headers.etag).toBe('"2"');
      await t.http().patch(`/api/v1/webhooks/${hook.id}`).set(admin).set('If-Match', '"2"').send({ url: 'ftp://x' }).expect(400);
      const rotated = await t.http().post(`/api/v1/webhooks/${hook.id}/rotate-secret`).set(admin).set('If-Match', '"2"').expect(200);
      expect(rotated.body).toMatchObject({ id: hook.id, version: 3 });
      expect(rotated.body.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(rotated.body.secret).not.toBe(hook.secret);
      secrets.push(rotated.body.secret);
      await createCustomer();
      await dispatch();
      expect(await work()).toBe(1);
      const last = receiver.received[receiver.received.length - 1];
      expect(verifies(last, rotated.body.secret)).toBe(true);
      expect(verifies(last, hook.secret)).toBe(false);
      hook = { ...hook, secret: rotated.body.secret, version: 3 };
    });

    it(`pauses after ${WEBHOOK_PAUSE_AFTER_FAILED_DELIVERIES} deliveries in a row end failed, and tells its creator`, async () => {
      receiver.answer(503);
      await ds.query(`UPDATE webhook_subscriptions SET consecutive_failures = $2 WHERE id = $1`, [hook.id, WEBHOOK_PAUSE_AFTER_FAILED_DELIVERIES - 1]);
      await createCustomer();
      await dispatch();
      const [{ id }] = await ds.query(`SELECT id FROM webhook_deliveries WHERE subscription_id = $1 AND status = 'pending'`, [hook.id]);
      // Its retries used up but one: the next failure is its last.
      await ds.query(`UPDATE webhook_deliveries SET failed_attempts = $2 WHERE id = $1`, [id, WEBHOOK_RETRY_DELAYS_SECONDS.length]);
      expect(await work()).toBe(1);
      expect(await delivery(id)).toMatchObject({ status: 'failed', last_status_code: 503 });
      const paused = await t.http().get(`/api/v1/webhooks/${hook.id}`).set(admin).expect(200);
      expect(paused.body).toMatchObject({ active: false, consecutiveFailures: WEBHOOK_PAUSE_AFTER_FAILED_DELIVERIES, version: 4 });
      expect(paused.body.pausedReason).toMatch(/HTTP 503/);
      const notes = await t.http().get('/api/v1/notifications').set(admin).expect(200);
      expect(notes.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'webhook.paused', entityType: 'webhook', entityId: hook.id })]));
      expect(await ds.query(`SELECT 1 FROM audit_events WHERE entity_type = 'webhook' AND entity_id = $1 AND action = 'pause'`, [hook.id])).toHaveLength(1);

      // Paused: the dispatcher (once the change signal is heard) no longer takes customer events.
      await t.app.get(ActiveWebhookPatterns).refresh();
      const customerId = await createCustomer();
      const [event] = await ds.query(`SELECT dispatched_at FROM outbox_events WHERE aggregate_id = $1`, [customerId]);
      expect(event.dispatched_at).not.toBeNull();

      // Resuming clears the pause and the count.
      receiver.answer(200);
      const resumed = await t.http().patch(`/api/v1/webhooks/${hook.id}`).set(admin).set('If-Match', '"4"').send({ active: true }).expect(200);
      expect(resumed.body).toMatchObject({ active: true, pausedReason: null, consecutiveFailures: 0 });
      expect(t.app.get(OutboxDispatcher).wants('customer.updated')).toBe(true);
    });

    it('never writes a secret to the audit log', async () => {
      const audit = JSON.stringify(await ds.query(`SELECT changes FROM audit_events WHERE entity_type = 'webhook'`));
      for (const secret of secrets) expect(audit).not.toContain(secret);
      const actions = (await ds.query(`SELECT DISTINCT action FROM audit_events WHERE entity_type = 'webhook' ORDER BY 1`)).map((r: { action: string }) => r.action);
      expect(actions).toEqual(['create', 'delete', 'pause', 'ping', 'redeliver', 'rotate_secret', 'update']);
    });
  });
});
