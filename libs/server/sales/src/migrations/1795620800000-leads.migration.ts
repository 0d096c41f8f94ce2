import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leads (线索) and the ordered lead assignment rules. Hand-written beyond the generated
 * tables: keyset indexes (DESC order, partial on live rows) for every list filter and sort,
 * the unassigned queue, open leads per owner (caps, least-loaded) and trigram indexes for
 * the name search.
 */
export class Leads1795620800000 implements MigrationInterface {
  name = 'Leads1795620800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "assignment_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "position" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "provinces" text array NOT NULL DEFAULT '{}', "cities" text array NOT NULL DEFAULT '{}', "industries" text array NOT NULL DEFAULT '{}', "sources" text array NOT NULL DEFAULT '{}', "campaign_ids" uuid array NOT NULL DEFAULT '{}', "target_type" character varying(10) NOT NULL, "target_user_id" uuid, "target_team_id" uuid, "strategy" character varying(20), "max_open_leads" integer, "rr_cursor" bigint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_b2a701c65267def8d951bd91c2d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "assignment_rules_position_idx" ON "assignment_rules" ("position") `);
    await q.query(`CREATE TABLE "leads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_name" character varying(100) NOT NULL, "company_name" character varying(200), "title" character varying(100), "phone" character varying(20), "email" character varying(254), "wechat_id" character varying(64), "country" character varying(2), "province" character varying(50), "city" character varying(50), "industry" character varying(100), "source" character varying(20) NOT NULL DEFAULT 'other', "campaign_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'new', "disqualified_reason" character varying(500), "notes" character varying(2000), "owner_id" uuid, "department_id" uuid, "assignment_rule_id" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE, "custom_fields" jsonb NOT NULL DEFAULT '{}', "external_id" character varying(100), "external_source" character varying(40), "customer_id" uuid, "contact_id" uuid, "opportunity_id" uuid, "converted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cd102ed7a9a4ca7d4d8bfeba406" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "leads_external_uq" ON "leads" ("external_source", "external_id") WHERE deleted_at IS NULL AND external_id IS NOT NULL`);
    await q.query(`CREATE INDEX "leads_customer_idx" ON "leads" ("customer_id") WHERE customer_id IS NOT NULL`);
    await q.query(`CREATE INDEX "leads_email_idx" ON "leads" ("email") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_phone_idx" ON "leads" ("phone") WHERE deleted_at IS NULL`);

    await q.query(`CREATE INDEX "leads_keyset_idx" ON "leads" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_updated_keyset_idx" ON "leads" ("updated_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_name_keyset_idx" ON "leads" ("person_name", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_owner_keyset_idx" ON "leads" ("owner_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_department_keyset_idx" ON "leads" ("department_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_status_keyset_idx" ON "leads" ("status", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_source_keyset_idx" ON "leads" ("source", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_campaign_keyset_idx" ON "leads" ("campaign_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL AND campaign_id IS NOT NULL`);
    await q.query(`CREATE INDEX "leads_province_keyset_idx" ON "leads" ("province", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL AND province IS NOT NULL`);
    // The unassigned queue (assign-queue walks it oldest first; the list's unassigned filter).
    await q.query(`CREATE INDEX "leads_queue_idx" ON "leads" ("created_at", "id") WHERE owner_id IS NULL AND status IN ('new','contacted','qualified') AND deleted_at IS NULL`);
    // Open leads per owner: per-user caps and least-loaded.
    await q.query(`CREATE INDEX "leads_open_owner_idx" ON "leads" ("owner_id") WHERE owner_id IS NOT NULL AND status IN ('new','contacted','qualified') AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_person_name_trgm_idx" ON "leads" USING gin ("person_name" gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "leads_company_name_trgm_idx" ON "leads" USING gin ("company_name" gin_trgm_ops) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const idx of ['company_name_trgm', 'person_name_trgm', 'open_owner', 'queue', 'province_keyset', 'campaign_keyset', 'source_keyset', 'status_keyset', 'department_keyset', 'owner_keyset', 'name_keyset', 'updated_keyset', 'keyset']) {
      await q.query(`DROP INDEX "public"."leads_${idx}_idx"`);
    }
    await q.query(`DROP INDEX "public"."leads_phone_idx"`);
    await q.query(`DROP INDEX "public"."leads_email_idx"`);
    await q.query(`DROP INDEX "public"."leads_customer_idx"`);
    await q.query(`DROP INDEX "public"."leads_external_uq"`);
    await q.query(`DROP TABLE "leads"`);
    await q.query(`DROP INDEX "public"."assignment_rules_position_idx"`);
    await q.query(`DROP TABLE "assignment_rules"`);
  }
}
