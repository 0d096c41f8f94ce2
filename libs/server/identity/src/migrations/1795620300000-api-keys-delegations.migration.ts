import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys, delegations (代录入) and the shared rate-limit counters. The counters are
 * UNLOGGED: no WAL per request, and losing them in a crash only resets some windows.
 */
export class ApiKeysDelegations1795620300000 implements MigrationInterface {
  name = 'ApiKeysDelegations1795620300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "prefix" character varying(16) NOT NULL, "key_hash" character varying(64) NOT NULL, "scopes" text array NOT NULL, "rate_limit_per_minute" integer NOT NULL DEFAULT '600', "expires_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "owner_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "api_keys_owner_idx" ON "api_keys" ("owner_id") `);
    await q.query(`CREATE INDEX "api_keys_created_idx" ON "api_keys" ("created_at", "id") `);
    await q.query(`CREATE UNIQUE INDEX "api_keys_hash_uq" ON "api_keys" ("key_hash") `);
    await q.query(`CREATE TABLE "delegations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "clerk_id" uuid NOT NULL, "rep_id" uuid NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "PK_01f9fbbc9b3bf52236a4e951b19" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "delegations_created_idx" ON "delegations" ("created_at", "id") `);
    await q.query(`CREATE INDEX "delegations_rep_idx" ON "delegations" ("rep_id", "created_at", "id") `);
    await q.query(`CREATE INDEX "delegations_clerk_idx" ON "delegations" ("clerk_id", "created_at", "id") `);
    await q.query(`CREATE INDEX "delegations_clerk_rep_idx" ON "delegations" ("clerk_id", "rep_id", "ends_at") `);
    await q.query(`CREATE UNLOGGED TABLE "rate_limit_buckets" ("key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "PK_70ba71f3f09699ab2a393590e06" PRIMARY KEY ("key", "window_start"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rate_limit_buckets"`);
    await q.query(`DROP INDEX "public"."delegations_clerk_rep_idx"`);
    await q.query(`DROP INDEX "public"."delegations_clerk_idx"`);
    await q.query(`DROP INDEX "public"."delegations_rep_idx"`);
    await q.query(`DROP INDEX "public"."delegations_created_idx"`);
    await q.query(`DROP TABLE "delegations"`);
    await q.query(`DROP INDEX "public"."api_keys_hash_uq"`);
    await q.query(`DROP INDEX "public"."api_keys_created_idx"`);
    await q.query(`DROP INDEX "public"."api_keys_owner_idx"`);
    await q.query(`DROP TABLE "api_keys"`);
  }
}
