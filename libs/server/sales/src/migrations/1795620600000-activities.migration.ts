import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups (跟进记录). The primary key carries customer_id so the table can be
 * distributed by customer later; the timeline, owner, department and contact lists get
 * keyset indexes in DESC order, and open tasks a partial index for my-tasks.
 */
export class Activities1795620600000 implements MigrationInterface {
  name = 'Activities1795620600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" uuid NOT NULL, "type" character varying(20) NOT NULL, "channel" character varying(20) NOT NULL, "subject" character varying(200) NOT NULL, "body" text, "outcome" character varying(500), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "duration_minutes" integer, "participants" jsonb NOT NULL DEFAULT '[]', "contact_id" uuid, "lead_id" uuid, "opportunity_id" uuid, "owner_id" uuid NOT NULL, "department_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE, "reminder_at" TIMESTAMP WITH TIME ZONE, "done" boolean NOT NULL DEFAULT false, "done_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fd5ecb84874ae48c1edfa527878" PRIMARY KEY ("id", "customer_id"))`);
    await q.query(`ALTER TABLE "activities" ADD CONSTRAINT "FK_55dbe3699eb1b38f4c608e1bce1" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`CREATE INDEX "activities_customer_keyset_idx" ON "activities" ("customer_id", "occurred_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "activities_owner_keyset_idx" ON "activities" ("owner_id", "occurred_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "activities_department_keyset_idx" ON "activities" ("department_id", "occurred_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "activities_contact_keyset_idx" ON "activities" ("contact_id", "occurred_at" DESC, "id" DESC) WHERE deleted_at IS NULL AND contact_id IS NOT NULL`);
    await q.query(`CREATE INDEX "activities_keyset_idx" ON "activities" ("occurred_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "activities_open_tasks_idx" ON "activities" ("owner_id", "due_at") WHERE type = 'task' AND NOT done AND deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."activities_open_tasks_idx"`);
    await q.query(`DROP INDEX "public"."activities_keyset_idx"`);
    await q.query(`DROP INDEX "public"."activities_contact_keyset_idx"`);
    await q.query(`DROP INDEX "public"."activities_department_keyset_idx"`);
    await q.query(`DROP INDEX "public"."activities_owner_keyset_idx"`);
    await q.query(`DROP INDEX "public"."activities_customer_keyset_idx"`);
    await q.query(`ALTER TABLE "activities" DROP CONSTRAINT "FK_55dbe3699eb1b38f4c608e1bce1"`);
    await q.query(`DROP TABLE "activities"`);
  }
}
