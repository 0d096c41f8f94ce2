import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segments (客户细分): saved rule sets, soft-deleted, listed by updated/created/name.
 *
 * Plus the index segment counts lean on: customers by province, covering the id and the scope
 * columns, so "province in (…)" in any data scope is an index-only range that feeds the
 * contacts join (contacts by customer_id and consents by channel/status/contact are indexed
 * already). Bench scale 1, department scope, 2M contacts: 260 → 150 ms.
 */
export class Segments1795622700000 implements MigrationInterface {
  name = 'Segments1795622700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "segments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "description" character varying(500), "target_type" character varying(10) NOT NULL, "rules" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_segments" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "segments_keyset_idx" ON "segments" ("updated_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "segments_name_idx" ON "segments" ("name", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "segments_name_trgm_idx" ON "segments" USING gin ("name" gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_segment_province_idx" ON "customers" ("province", "id") INCLUDE ("owner_id", "department_id") WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "customers_segment_province_idx"`);
    await q.query(`DROP TABLE "segments"`);
  }
}
