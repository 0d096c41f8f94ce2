import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers, with the list's keyset and filter indexes (hand-written: DESC order, trigram GIN). */
export class CustomersInit1795620400000 implements MigrationInterface {
  name = 'CustomersInit1795620400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "customers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(20) NOT NULL DEFAULT 'company', "name" character varying(200) NOT NULL, "name_key" character varying(200) NOT NULL, "short_name" character varying(100), "industry" character varying(100), "country" character varying(2), "province" character varying(50), "city" character varying(50), "address" character varying(300), "website" character varying(300), "phone" character varying(20), "email" character varying(254), "source" character varying(20) NOT NULL DEFAULT 'other', "lifecycle_stage" character varying(20) NOT NULL DEFAULT 'prospect', "grade" character varying(1), "tags" text array NOT NULL DEFAULT '{}', "owner_id" uuid, "department_id" uuid, "referred_by_customer_id" uuid, "external_id" character varying(100), "external_source" character varying(40), "custom_fields" jsonb NOT NULL DEFAULT '{}', "last_follow_up_at" TIMESTAMP WITH TIME ZONE, "next_follow_up_on" date, "completeness" smallint NOT NULL DEFAULT '0', "merged_into_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "customers_external_uq" ON "customers" ("external_source", "external_id") WHERE deleted_at IS NULL AND external_id IS NOT NULL`);
    await q.query(`CREATE INDEX "customers_email_idx" ON "customers" ("email") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_phone_idx" ON "customers" ("phone") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_name_key_idx" ON "customers" ("name_key") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_keyset_idx" ON "customers" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_owner_keyset_idx" ON "customers" ("owner_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_department_keyset_idx" ON "customers" ("department_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_grade_province_idx" ON "customers" ("grade", "province", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_follow_up_idx" ON "customers" ((coalesce(last_follow_up_at, '-infinity'::timestamptz)), "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_name_key_trgm_idx" ON "customers" USING gin ("name_key" gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_tags_idx" ON "customers" USING gin ("tags") WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."customers_keyset_idx"`);
    await q.query(`DROP INDEX "public"."customers_owner_keyset_idx"`);
    await q.query(`DROP INDEX "public"."customers_department_keyset_idx"`);
    await q.query(`DROP INDEX "public"."customers_grade_province_idx"`);
    await q.query(`DROP INDEX "public"."customers_follow_up_idx"`);
    await q.query(`DROP INDEX "public"."customers_name_trgm_idx"`);
    await q.query(`DROP INDEX "public"."customers_name_key_trgm_idx"`);
    await q.query(`DROP INDEX "public"."customers_tags_idx"`);
    await q.query(`DROP INDEX "public"."customers_name_key_idx"`);
    await q.query(`DROP INDEX "public"."customers_phone_idx"`);
    await q.query(`DROP INDEX "public"."customers_email_idx"`);
    await q.query(`DROP INDEX "public"."customers_external_uq"`);
    await q.query(`DROP TABLE "customers"`);
  }
}
