import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AuditService, Clock, JobsService, NotificationsService, TransactionService, type AppConfig } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { ActiveWebhookPatterns } from './active-webhook-patterns';
import type { WebhookEnvelope } from './webhook-delivery.entity';
import { retryDelaySeconds, WEBHOOK_PAUSE_AFTER_FAILED_DELIVERIES } from './webhook-retry';
import { postWebhook, type WebhookAttempt } from './webhook-sender';
import { webhookSignature } from './webhook-signature';

export const WEBHOOK_DELIVERY_JOB = 'integrations.webhooks.deliver';
/** Deliveries sent at once by one worker (one per subscription). */
const PARALLEL = 8;
/** How often an idle replica looks for due deliveries: a new one goes out within about a second of its fan-out. */
const POLL_MS = 1000;

interface Claimed {
  id: string;
  subscriptionId: string;
  eventType: string;
  payload: WebhookEnvelope;
  failedAttempts: number;
  url: string;
  secret: string;
}

/**
 * Sends due deliveries, outside any transaction, and records each attempt.
 *
 * Claiming: one statement leases at most one delivery per subscription — the subscription's
 * oldest due one (by `seq`, the fan-out's insertion order), and only when none of its deliveries
 * is in flight — locking the subscription rows FOR NO KEY UPDATE SKIP LOCKED so replicas claim
 * different subscriptions; the UPDATE re-checks the lease, so two replicas never send one
 * delivery at once. A worker that dies mid-send leaves a lease that expires: the delivery is
 * sent again (at-least-once; receivers dedupe on `X-Kehu-Delivery` or the body's `id`).
 *
 * Ordering: a subscription's first attempts go out one at a time in event order. A failed
 * attempt does not block the ones behind it: it is retried later (1 min … 24 h), after events
 * that happened after it. Receivers needing strict order use `occurredAt` / `id`.
 *
 * Scheduling uses the database's clock (now()), the one clock every replica shares.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private timer?: NodeJS.Timeout;
  private draining?: Promise<number>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly patterns: ActiveWebhookPatterns,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // The cron is the safety net (a replica whose poll loop is stuck still delivers every minute).
    this.jobs.register(WEBHOOK_DELIVERY_JOB, async () => void (await this.drain()), { cron: '* * * * *' });
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    const tick = async () => {
      if (this.stopped) return;
      try {
        if (!this.patterns.isFresh) await this.patterns.refresh();
        if (this.patterns.anyActive) await this.drain();
      } catch (err) {
        this.logger.error({ err }, 'webhook delivery failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, POLL_MS);
    };
    this.timer = setTimeout(tick, POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining?.catch(() => undefined);
  }

  /**
   * Sends rounds until nothing is due (the cron and the poll loop share one run per process).
   * A round takes one delivery per subscription, so a single busy subscription needs a round per
   * event: stopping at the first short round held it to one event per poll (1/s). Tests call it.
   */
  drain(): Promise<number> {
    this.draining ??= (async () => {
      let total = 0;
      try {
        for (;;) {
          const n = await this.runOnce();
          total += n;
          if (n === 0 || this.stopped) return total;
        }
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /** Claims up to PARALLEL due deliveries, sends them in parallel, records each; returns how many. */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    await Promise.all(claimed.map((d) => this.deliver(d)));
    return claimed.length;
  }

  private async claim(): Promise<Claimed[]> {
    const leaseSeconds = Math.ceil(this.config.webhookTimeoutMs / 1000) + 60;
    const [rows] = (await this.ds.query(
      `WITH claim AS (
         SELECT s.id AS subscription_id, due.id AS delivery_id
         FROM webhook_subscriptions s
         CROSS JOIN LATERAL (
           SELECT d.id, d.seq FROM webhook_deliveries d
           WHERE d.subscription_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= now()
           ORDER BY d.seq LIMIT 1
         ) due
         WHERE s.active AND s.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries x WHERE x.subscription_id = s.id AND x.lease_until IS NOT NULL AND x.lease_until > now())
         ORDER BY due.seq
         LIMIT $1
         FOR NO KEY UPDATE OF s SKIP LOCKED
       )
       UPDATE webhook_deliveries d SET lease_until = now() + make_interval(secs => $2)
       FROM claim JOIN webhook_subscriptions s ON s.id = claim.subscription_id
       WHERE d.id = claim.delivery_id AND d.status = 'pending' AND (d.lease_until IS NULL OR d.lease_until <= now())
       RETURNING d.id, d.subscription_id AS "subscriptionId", d.event_type AS "eventType", d.payload, d.failed_attempts AS "failedAttempts", s.url, s.secret`,
      [PARALLEL, leaseSeconds],
    )) as [Claimed[], number];
    return rows;
  }

  private async deliver(d: Claimed): Promise<void> {
    const body = JSON.stringify(d.payload);
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'Kehu-Webhooks/1',
      'X-Kehu-Event': d.eventType,
      'X-Kehu-Delivery': d.id,
      'X-Kehu-Signature': webhookSignature(d.secret, body, Math.floor(this.clock.now().getTime() / 1000)),
    };
    const attempt = await postWebhook(d.url, headers, body, this.config.webhookTimeoutMs);
    try {
      await this.tx.run((m) => this.record(m, d, headers, body, attempt));
    } catch (err) {
      // The lease expires and the delivery is sent again: at-least-once.
      this.logger.error({ err, deliveryId: d.id }, 'recording a webhook attempt failed');
    }
  }

  private async record(m: EntityManager, d: Claimed, headers: Record<string, string>, body: string, a: WebhookAttempt): Promise<void> {
    const ok = a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300;
    const failedAttempts = ok ? d.failedAttempts : d.failedAttempts + 1;
    const delay = ok ? null : retryDelaySeconds(failedAttempts);
    const status = ok ? 'delivered' : delay === null ? 'failed' : 'pending';
    // One statement: a success also clears the subscription's failure streak (a round trip less per delivery).
    await m.query(
      `WITH attempt AS (
         UPDATE webhook_deliveries SET status = $2::text, attempts = attempts + 1, failed_attempts = $3::int,
           next_attempt_at = now() + make_interval(secs => $4::int), lease_until = NULL, last_attempt_at = now(),
           last_status_code = $5::int, last_duration_ms = $6::int, last_error = $7::text, response_body = $8::text,
           request_headers = $9::jsonb, request_body = $10::text, delivered_at = CASE WHEN $11::boolean THEN now() END
         WHERE id = $1 RETURNING subscription_id)
       UPDATE webhook_subscriptions s SET consecutive_failures = 0 FROM attempt
        WHERE $11::boolean AND s.id = attempt.subscription_id AND s.consecutive_failures <> 0`,
      [d.id, status, failedAttempts, delay ?? 0, a.statusCode, a.durationMs, a.error, a.responseBody, JSON.stringify(headers), body, ok],
    );
    if (status === 'failed') await this.countFailure(m, d.subscriptionId, a);
  }

  /** A delivery ended failed; the 50th in a row pauses the subscription and tells its creator. */
  private async countFailure(m: EntityManager, subscriptionId: string, a: WebhookAttempt): Promise<void> {
    const last = a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? 'no answer');
    const reason = `${WEBHOOK_PAUSE_AFTER_FAILED_DELIVERIES} deliveries in a row failed; last: ${last}`.slice(0, 500);
    const pause = `s.active AND s.consecutive_failures + 1 >= $2`;
    const [rows] = (await m.query(
      `WITH old AS (SELECT id, active FROM webhook_subscriptions WHERE id = $1 FOR UPDATE)
       UPDATE webhook_subscriptions s SET consecutive_failures = s.consecutive_failures + 1,
         active = CASE WHEN ${pause} THEN false ELSE s.active END,
         paused_reason = CASE WHEN ${pause} THEN $3 ELSE s.paused_reason END,
         version = CASE WHEN ${pause} THEN s.version + 1 ELSE s.version END,
         updated_at = CASE WHEN ${pause} THEN now() ELSE s.updated_at END
       FROM old WHERE s.id = old.id
       RETURNING old.active AND NOT s.active AS "pausedNow", s.name, s.created_by AS "createdBy", s.version`,
      [subscriptionId, WEBHOOK_PAUSE_AFTER_FAILED_DELIVERIES, reason],
    )) as [{ pausedNow: boolean; name: string; createdBy: string | null; version: number }[], number];
    const s = rows[0];
    if (!s?.pausedNow) return;
    this.logger.warn({ subscriptionId }, 'webhook paused after repeated failures');
    await this.audit.record(m, { action: 'pause', entityType: 'webhook', entityId: subscriptionId, changes: { active: { before: true, after: false }, pausedReason: { before: null, after: reason } } });
    if (s.createdBy) {
      await this.notifications.notify(m, [
        {
          userId: s.createdBy,
          kind: 'webhook.paused',
          title: `Webhook “${s.name}” paused: its deliveries keep failing`.slice(0, 200),
          body: reason,
          entityType: 'webhook',
          entityId: subscriptionId,
          dedupeKey: `webhook:${subscriptionId}:paused:${s.version}`,
        },
      ]);
    }
  }
}
