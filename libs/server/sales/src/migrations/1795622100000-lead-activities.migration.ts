import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups on leads before conversion. `activities` keeps its (id, customer_id) key for
 * distribution by customer, so a lead's follow-ups get their own table with the same
 * columns (conversion moves them over, ids kept). Indexes: the lead timeline on both
 * tables (before conversion from lead_activities, after it from activities by lead_id).
 * `leads.last_contacted_at` is the newest follow-up on the lead.
 */
export class LeadActivities1795622100000 implements MigrationInterface {
  name = 'LeadActivities1795622100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "lead_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lead_id" uuid NOT NULL, "type" character varying(20) NOT NULL, "channel" character varying(20) NOT NULL, "subject" character varying(200) NOT NULL, "body" text, "outcome" character varying(500), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "duration_minutes" integer, "participants" jsonb NOT NULL DEFAULT '[]', "opportunity_id" uuid, "owner_id" uuid NOT NULL, "department_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE, "reminder_at" TIMESTAMP WITH TIME ZONE, "done" boolean NOT NULL DEFAULT false, "done_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_lead_activities" PRIMARY KEY ("id"))`);
    await q.query(`ALTER TABLE "lead_activities" ADD CONSTRAINT "FK_lead_activities_lead" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`CREATE INDEX "lead_activities_lead_keyset_idx" ON "lead_activities" ("lead_id", "occurred_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "activities_lead_keyset_idx" ON "activities" ("lead_id", "occurred_at" DESC, "id" DESC) WHERE deleted_at IS NULL AND lead_id IS NOT NULL`);
    await q.query(`ALTER TABLE "leads" ADD "last_contacted_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "leads" DROP COLUMN "last_contacted_at"`);
    await q.query(`DROP INDEX "public"."activities_lead_keyset_idx"`);
    await q.query(`DROP INDEX "public"."lead_activities_lead_keyset_idx"`);
    await q.query(`ALTER TABLE "lead_activities" DROP CONSTRAINT "FK_lead_activities_lead"`);
    await q.query(`DROP TABLE "lead_activities"`);
  }
}
