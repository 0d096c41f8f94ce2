import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit log (append-only, enforced by triggers), outbox, and pg_trgm for fuzzy search. */
export class CoreInit1795620000000 implements MigrationInterface {
  name = 'CoreInit1795620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_events" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "on_behalf_of_id" uuid, "api_key_id" uuid, "action" character varying(40) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(64), "changes" jsonb, "request_id" character varying(64), "ip" character varying(64), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "audit_events_time_idx" ON "audit_events" ("occurred_at") `);
    await q.query(`CREATE INDEX "audit_events_actor_idx" ON "audit_events" ("actor_id", "occurred_at") `);
    await q.query(`CREATE INDEX "audit_events_entity_idx" ON "audit_events" ("entity_type", "entity_id", "occurred_at") `);
    await q.query(`CREATE TABLE "outbox_events" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" character varying(80) NOT NULL, "aggregate_type" character varying(60) NOT NULL, "aggregate_id" character varying(64) NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "actor_id" uuid, "dispatched_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "outbox_events_aggregate_idx" ON "outbox_events" ("aggregate_type", "aggregate_id", "id") `);
    await q.query(`CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" ("id") WHERE dispatched_at IS NULL`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
    await q.query(`DROP TRIGGER audit_events_no_update ON audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP INDEX "public"."outbox_events_pending_idx"`);
    await q.query(`DROP INDEX "public"."outbox_events_aggregate_idx"`);
    await q.query(`DROP TABLE "outbox_events"`);
    await q.query(`DROP INDEX "public"."audit_events_entity_idx"`);
    await q.query(`DROP INDEX "public"."audit_events_actor_idx"`);
    await q.query(`DROP INDEX "public"."audit_events_time_idx"`);
    await q.query(`DROP TABLE "audit_events"`);
  }
}
