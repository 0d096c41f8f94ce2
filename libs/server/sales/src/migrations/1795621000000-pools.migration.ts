import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public pools (公海), owner capacity and ownership history. Seeds the default pool and puts
 * today's ownerless customers in it. A statement-level trigger writes the first history row
 * of every new customer (any insert path: UI, lead conversion, import, ERP), set-based.
 * The return job's partial expression indexes cover only owned, unlocked, live customers.
 */
export class Pools1795621000000 implements MigrationInterface {
  name = 'Pools1795621000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "ownership_history" ("id" BIGSERIAL NOT NULL, "customer_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "from_owner_id" uuid, "to_owner_id" uuid, "pool_id" uuid, "reason_code" character varying(40) NOT NULL, "reason_params" jsonb NOT NULL DEFAULT '{}', "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_50b1da1a161b59b39407b43b2a9" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ownership_history_customer_idx" ON "ownership_history" ("customer_id", "at", "id") `);
    await q.query(`CREATE TABLE "pools" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "is_default" boolean NOT NULL DEFAULT false, "department_id" uuid, "admin_ids" uuid array NOT NULL DEFAULT '{}', "member_user_ids" uuid array NOT NULL DEFAULT '{}', "member_department_ids" uuid array NOT NULL DEFAULT '{}', "rules" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_6708c86fc389259de3ee43230ee" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "ownership_limits" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "department_id" uuid, "max_owned" integer, "count_won" boolean NOT NULL DEFAULT true, "max_locked" integer, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_098bd122828999d00ab8638d1ae" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "ownership_limits_department_uq" ON "ownership_limits" ("department_id") WHERE department_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "ownership_limits_user_uq" ON "ownership_limits" ("user_id") WHERE user_id IS NOT NULL`);

    // Hand-written indexes (marked synchronize: false on the entities).
    await q.query(`CREATE UNIQUE INDEX "pools_one_default_idx" ON "pools" ((true)) WHERE is_default`);
    await q.query(`CREATE UNIQUE INDEX "pools_department_uq" ON "pools" ("department_id") WHERE department_id IS NOT NULL`);
    await q.query(`CREATE INDEX "ownership_history_claims_idx" ON "ownership_history" ("to_owner_id", "pool_id", "at") WHERE kind = 'claimed'`);
    // The return job: due customers found by range scans over the rules' base times.
    await q.query(`CREATE INDEX "customers_pool_follow_up_due_idx" ON "customers" ((greatest(last_follow_up_at, claimed_at, created_at))) WHERE owner_id IS NOT NULL AND locked_at IS NULL AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_pool_claim_due_idx" ON "customers" ((coalesce(claimed_at, created_at))) WHERE owner_id IS NOT NULL AND locked_at IS NULL AND deleted_at IS NULL`);
    // A pool's waiting customers, newest arrivals first (keyset).
    await q.query(`CREATE INDEX "customers_pool_waiting_idx" ON "customers" ("pool_id", (coalesce(pool_entered_at, created_at)) DESC, "id" DESC) WHERE owner_id IS NULL AND deleted_at IS NULL`);

    await q.query(`CREATE FUNCTION customers_ownership_created() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ownership_history (customer_id, kind, from_owner_id, to_owner_id, pool_id, reason_code, actor_id, at)
        SELECT n.id, CASE WHEN n.owner_id IS NULL THEN 'imported' ELSE 'created' END, NULL, n.owner_id, n.pool_id,
               CASE WHEN n.owner_id IS NULL THEN 'imported' ELSE 'created' END, n.created_by, n.created_at
          FROM new_customers n;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER customers_ownership_created AFTER INSERT ON customers REFERENCING NEW TABLE AS new_customers
      FOR EACH STATEMENT EXECUTE FUNCTION customers_ownership_created()`);

    await q.query(`INSERT INTO pools (name, is_default) VALUES ('公海 Default', true)`);
    await q.query(`UPDATE customers SET pool_id = (SELECT id FROM pools WHERE is_default), pool_entered_at = coalesce(pool_entered_at, updated_at) WHERE owner_id IS NULL AND pool_id IS NULL`);
    await q.query(`INSERT INTO ownership_history (customer_id, kind, to_owner_id, pool_id, reason_code, actor_id, at)
      SELECT id, 'created', owner_id, pool_id, 'created', created_by, created_at FROM customers`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER customers_ownership_created ON customers`);
    await q.query(`DROP FUNCTION customers_ownership_created()`);
    await q.query(`DROP INDEX "customers_pool_waiting_idx"`);
    await q.query(`DROP INDEX "customers_pool_claim_due_idx"`);
    await q.query(`DROP INDEX "customers_pool_follow_up_due_idx"`);
    await q.query(`DROP TABLE "ownership_limits"`);
    await q.query(`DROP TABLE "pools"`);
    await q.query(`DROP TABLE "ownership_history"`);
  }
}
