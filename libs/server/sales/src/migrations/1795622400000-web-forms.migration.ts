import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public web forms that capture leads. `web_forms.public_key` is unique over every row,
 * deleted ones included (a retired key must never come back). Leads gain the form that
 * captured them (`web_form_id`, keyset-indexed for the form's submission count and the
 * leads list filter) and the earlier lead a web-form lead duplicates (`duplicate_of_id`).
 * `lead_consents` mirrors `contact_consents` for the consent box's choice.
 */
export class WebForms1795622400000 implements MigrationInterface {
  name = 'WebForms1795622400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "web_forms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "public_key" character varying(64) NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "fields" jsonb NOT NULL DEFAULT '[]', "source" character varying(20) NOT NULL DEFAULT 'web_form', "campaign_id" uuid, "owner_mode" character varying(10) NOT NULL DEFAULT 'rules', "owner_id" uuid, "consent_text" character varying(1000), "consent_channels" text array NOT NULL DEFAULT '{}', "allowed_origins" text array NOT NULL DEFAULT '{}', "success_message" character varying(500), "redirect_url" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_34275afb2fc590669f4fdc978eb" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "web_forms_public_key_uq" ON "web_forms" ("public_key") `);
    await q.query(`CREATE INDEX "web_forms_keyset_idx" ON "web_forms" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "web_forms_name_keyset_idx" ON "web_forms" ("name", "id") WHERE deleted_at IS NULL`);
    await q.query(`ALTER TABLE "leads" ADD "web_form_id" uuid`);
    await q.query(`ALTER TABLE "leads" ADD "duplicate_of_id" uuid`);
    await q.query(`CREATE INDEX "leads_web_form_keyset_idx" ON "leads" ("web_form_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL AND web_form_id IS NOT NULL`);
    await q.query(`CREATE TABLE "lead_consents" ("lead_id" uuid NOT NULL, "channel" character varying(10) NOT NULL, "status" character varying(10) NOT NULL, "source" character varying(100), "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_669eb291538ac18b3c2ab7eb3b6" PRIMARY KEY ("lead_id", "channel"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "lead_consents"`);
    await q.query(`DROP INDEX "public"."leads_web_form_keyset_idx"`);
    await q.query(`ALTER TABLE "leads" DROP COLUMN "duplicate_of_id"`);
    await q.query(`ALTER TABLE "leads" DROP COLUMN "web_form_id"`);
    await q.query(`DROP INDEX "public"."web_forms_name_keyset_idx"`);
    await q.query(`DROP INDEX "public"."web_forms_keyset_idx"`);
    await q.query(`DROP INDEX "public"."web_forms_public_key_uq"`);
    await q.query(`DROP TABLE "web_forms"`);
  }
}
