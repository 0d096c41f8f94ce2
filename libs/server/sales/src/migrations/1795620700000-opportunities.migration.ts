import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pipelines (销售漏斗) with their stages, opportunities (商机) with line items and stage
 * history. Opportunities and their children carry customer_id in the primary key so they
 * can be distributed by customer later (children reference (id, customer_id) ON UPDATE
 * CASCADE: a customer merge moves them along). Seeds the default pipeline.
 */
export class Opportunities1795620700000 implements MigrationInterface {
  name = 'Opportunities1795620700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "pipelines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "is_default" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_e38ea171cdfad107c1f3db2c036" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "pipeline_stages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pipeline_id" uuid NOT NULL, "name" character varying(50) NOT NULL, "probability" smallint NOT NULL, "kind" character varying(10) NOT NULL, "position" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_92e43270eace072ad5182fc08e2" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "pipeline_stages_pipeline_idx" ON "pipeline_stages" ("pipeline_id", "position") `);
    await q.query(`CREATE TABLE "opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "contact_id" uuid, "lead_id" uuid, "pipeline_id" uuid NOT NULL, "stage_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "amount" numeric(18,2) NOT NULL DEFAULT '0', "currency" character varying(3) NOT NULL DEFAULT 'CNY', "expected_close_date" date, "probability_override" smallint, "competitor" character varying(200), "next_step" character varying(500), "lost_reason" character varying(500), "won_at" TIMESTAMP WITH TIME ZONE, "lost_at" TIMESTAMP WITH TIME ZONE, "stage_entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "owner_id" uuid NOT NULL, "department_id" uuid, "custom_fields" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8fb3aded324cd6f773fdd5f279d" PRIMARY KEY ("id", "customer_id"))`);
    await q.query(`CREATE INDEX "opportunities_stage_idx" ON "opportunities" ("stage_id") `);
    await q.query(`CREATE TABLE "opportunity_line_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "opportunity_id" uuid NOT NULL, "position" smallint NOT NULL, "product_name" character varying(200) NOT NULL, "product_code" character varying(64), "quantity" numeric(18,4) NOT NULL, "unit_price" numeric(18,2) NOT NULL, "discount_percent" numeric(5,2) NOT NULL DEFAULT '0', "line_total" numeric(18,2) NOT NULL, CONSTRAINT "PK_2f287e893593bbf629e3d427c3b" PRIMARY KEY ("id", "customer_id"))`);
    await q.query(`CREATE INDEX "opportunity_line_items_opportunity_idx" ON "opportunity_line_items" ("opportunity_id", "customer_id", "position") `);
    await q.query(`CREATE TABLE "opportunity_stage_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "opportunity_id" uuid NOT NULL, "stage_id" uuid NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "left_at" TIMESTAMP WITH TIME ZONE, "moved_by" uuid, CONSTRAINT "PK_7a44432ca86cd45efd8d6dce7ed" PRIMARY KEY ("id", "customer_id"))`);
    await q.query(`CREATE INDEX "opportunity_stage_history_opportunity_idx" ON "opportunity_stage_history" ("opportunity_id", "customer_id", "entered_at") `);
    await q.query(`ALTER TABLE "pipeline_stages" ADD CONSTRAINT "FK_37b689c446ebe79ecd37e445735" FOREIGN KEY ("pipeline_id") REFERENCES "pipelines"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "opportunities" ADD CONSTRAINT "FK_e632a59d52a3aa5dce0c7748bc6" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "opportunities" ADD CONSTRAINT "FK_51392868612157f01fc61a6ee2d" FOREIGN KEY ("pipeline_id") REFERENCES "pipelines"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "opportunities" ADD CONSTRAINT "FK_6b809748751441914b5a7068cc5" FOREIGN KEY ("stage_id") REFERENCES "pipeline_stages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "opportunity_line_items" ADD CONSTRAINT "FK_603f912d9cf75c798e3c85d6ac5" FOREIGN KEY ("opportunity_id", "customer_id") REFERENCES "opportunities"("id","customer_id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "FK_6ade5041465a679402a3465f158" FOREIGN KEY ("opportunity_id", "customer_id") REFERENCES "opportunities"("id","customer_id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await q.query(`ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "FK_f5259cf7af380c12d53d503fa4b" FOREIGN KEY ("stage_id") REFERENCES "pipeline_stages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Hand-written: keyset (DESC), partial, expression and trigram indexes the entity cannot declare.
    await q.query(`CREATE UNIQUE INDEX "pipelines_one_default_idx" ON "pipelines" ((true)) WHERE is_default`);
    await q.query(`CREATE INDEX "opportunities_pipeline_keyset_idx" ON "opportunities" ("pipeline_id", "stage_id", "updated_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_owner_keyset_idx" ON "opportunities" ("owner_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_department_keyset_idx" ON "opportunities" ("department_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_customer_keyset_idx" ON "opportunities" ("customer_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_keyset_idx" ON "opportunities" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_updated_keyset_idx" ON "opportunities" ("updated_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_close_date_keyset_idx" ON "opportunities" ((coalesce(expected_close_date, 'infinity'::date)), "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_amount_keyset_idx" ON "opportunities" ("amount", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_name_trgm_idx" ON "opportunities" USING gin ("name" gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_custom_fields_idx" ON "opportunities" USING gin ("custom_fields" jsonb_path_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "opportunity_stage_history_open_idx" ON "opportunity_stage_history" ("opportunity_id", "customer_id") WHERE left_at IS NULL`);
    // The default pipeline every installation starts with.
    await q.query(`WITH p AS (INSERT INTO "pipelines" ("name", "is_default") VALUES ('销售漏斗 Default', true) RETURNING id)
      INSERT INTO "pipeline_stages" ("pipeline_id", "name", "probability", "kind", "position")
      SELECT p.id, s.name, s.probability, s.kind, s.position FROM p, (VALUES
        ('初步接洽 Qualification', 10, 'open', 0),
        ('需求确认 Needs analysis', 30, 'open', 1),
        ('方案报价 Proposal', 60, 'open', 2),
        ('谈判 Negotiation', 80, 'open', 3),
        ('赢单 Won', 100, 'won', 4),
        ('输单 Lost', 0, 'lost', 5)
      ) AS s(name, probability, kind, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."opportunity_stage_history_open_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_custom_fields_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_name_trgm_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_amount_keyset_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_close_date_keyset_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_updated_keyset_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_keyset_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_customer_keyset_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_department_keyset_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_owner_keyset_idx"`);
    await q.query(`DROP INDEX "public"."opportunities_pipeline_keyset_idx"`);
    await q.query(`DROP INDEX "public"."pipelines_one_default_idx"`);
    await q.query(`ALTER TABLE "opportunity_stage_history" DROP CONSTRAINT "FK_f5259cf7af380c12d53d503fa4b"`);
    await q.query(`ALTER TABLE "opportunity_stage_history" DROP CONSTRAINT "FK_6ade5041465a679402a3465f158"`);
    await q.query(`ALTER TABLE "opportunity_line_items" DROP CONSTRAINT "FK_603f912d9cf75c798e3c85d6ac5"`);
    await q.query(`ALTER TABLE "opportunities" DROP CONSTRAINT "FK_6b809748751441914b5a7068cc5"`);
    await q.query(`ALTER TABLE "opportunities" DROP CONSTRAINT "FK_51392868612157f01fc61a6ee2d"`);
    await q.query(`ALTER TABLE "opportunities" DROP CONSTRAINT "FK_e632a59d52a3aa5dce0c7748bc6"`);
    await q.query(`ALTER TABLE "pipeline_stages" DROP CONSTRAINT "FK_37b689c446ebe79ecd37e445735"`);
    await q.query(`DROP INDEX "public"."opportunity_stage_history_opportunity_idx"`);
    await q.query(`DROP TABLE "opportunity_stage_history"`);
    await q.query(`DROP INDEX "public"."opportunity_line_items_opportunity_idx"`);
    await q.query(`DROP TABLE "opportunity_line_items"`);
    await q.query(`DROP INDEX "public"."opportunities_stage_idx"`);
    await q.query(`DROP TABLE "opportunities"`);
    await q.query(`DROP INDEX "public"."pipeline_stages_pipeline_idx"`);
    await q.query(`DROP TABLE "pipeline_stages"`);
    await q.query(`DROP TABLE "pipelines"`);
  }
}
