import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks: subscriptions (which event patterns go to which URL) and one delivery per
 * event and subscription. The subscriptions signal `webhooks` when what the outbox dispatcher
 * must know changes (active, patterns, deletion), so every replica keeps the active patterns in
 * memory; the worker's per-attempt bookkeeping (failure counter) does not signal.
 */
export class Webhooks1795623100000 implements MigrationInterface {
  name = 'Webhooks1795623100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "webhook_subscriptions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" character varying(200) NOT NULL,
      "url" character varying(2000) NOT NULL,
      "events" character varying(80)[] NOT NULL,
      "active" boolean NOT NULL DEFAULT true,
      "paused_reason" character varying(500),
      "secret" character varying(100) NOT NULL,
      "description" character varying(1000),
      "consecutive_failures" integer NOT NULL DEFAULT 0,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      "deleted_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_webhook_subscriptions" PRIMARY KEY ("id")
    )`);
    await q.query(`CREATE INDEX "webhook_subscriptions_keyset_idx" ON "webhook_subscriptions" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE TRIGGER webhook_subscriptions_signal_insert AFTER INSERT OR DELETE ON webhook_subscriptions
      FOR EACH STATEMENT EXECUTE FUNCTION kehu_signal_change('webhooks')`);
    await q.query(`CREATE TRIGGER webhook_subscriptions_signal_update AFTER UPDATE ON webhook_subscriptions
      FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.events IS DISTINCT FROM NEW.events OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
      EXECUTE FUNCTION kehu_signal_change('webhooks')`);

    await q.query(`CREATE TABLE "webhook_deliveries" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "seq" bigint GENERATED ALWAYS AS IDENTITY,
      "subscription_id" uuid NOT NULL,
      "event_id" bigint,
      "event_type" character varying(80) NOT NULL,
      "payload" jsonb NOT NULL,
      "status" character varying(10) NOT NULL DEFAULT 'pending',
      "attempts" integer NOT NULL DEFAULT 0,
      "failed_attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "lease_until" TIMESTAMP WITH TIME ZONE,
      "last_attempt_at" TIMESTAMP WITH TIME ZONE,
      "last_status_code" integer,
      "last_duration_ms" integer,
      "last_error" character varying(2000),
      "request_headers" jsonb,
      "request_body" text,
      "response_body" character varying(2048),
      "delivered_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"),
      CONSTRAINT "webhook_deliveries_event_uq" UNIQUE ("subscription_id", "event_id"),
      CONSTRAINT "FK_webhook_deliveries_subscription" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE
    )`);
    // The worker: a subscription's pending deliveries in event order (and its in-flight lease).
    await q.query(`CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" ("subscription_id", "seq") WHERE status = 'pending'`);
    // Whether a subscription has a delivery in flight (leases are cleared when an attempt is recorded).
    await q.query(`CREATE INDEX "webhook_deliveries_leased_idx" ON "webhook_deliveries" ("subscription_id") WHERE lease_until IS NOT NULL`);
    // A subscription's deliveries, newest first (by seq: a fan-out writes hundreds in one statement, at one created_at), all or by status.
    await q.query(`CREATE INDEX "webhook_deliveries_list_idx" ON "webhook_deliveries" ("subscription_id", "seq" DESC)`);
    await q.query(`CREATE INDEX "webhook_deliveries_status_idx" ON "webhook_deliveries" ("subscription_id", "status", "seq" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TABLE "webhook_subscriptions"`);
  }
}
