import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Custom field definitions, and a jsonb GIN index so `customField=key:value` filters stay indexed. */
export class CustomFields1795620450000 implements MigrationInterface {
  name = 'CustomFields1795620450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "custom_field_definitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "entity_type" character varying(20) NOT NULL, "key" character varying(40) NOT NULL, "label" character varying(100) NOT NULL, "type" character varying(20) NOT NULL, "options" text array NOT NULL DEFAULT '{}', "required" boolean NOT NULL DEFAULT false, "sort_order" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_91f4cf6416f7aeb02c217005cb2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "custom_field_definitions_key_uq" ON "custom_field_definitions" ("entity_type", "key") `);
    await q.query(`CREATE INDEX "customers_custom_fields_idx" ON "customers" USING gin ("custom_fields" jsonb_path_ops) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."customers_custom_fields_idx"`);
    await q.query(`DROP INDEX "public"."custom_field_definitions_key_uq"`);
    await q.query(`DROP TABLE "custom_field_definitions"`);
  }
}
