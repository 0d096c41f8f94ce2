import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIVE = `status IN ('new', 'open', 'pending')`;
const PRIORITY_RANK = `CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END`;

/**
 * Cases (工单) with their SLA clocks and history, and the company SLA policy (one row).
 * Keyset indexes per list filter; partial indexes for the SLA job's three scans (responses
 * due, resolutions due, resolved cases to close) so each touches only what can change.
 */
export class Cases1795623000100 implements MigrationInterface {
  name = 'Cases1795623000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE "service_case_number_seq"`);
    await q.query(`CREATE TABLE "service_cases" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "number" character varying(40) NOT NULL,
      "subject" character varying(200) NOT NULL,
      "description" text,
      "type" character varying(20) NOT NULL,
      "priority" character varying(10) NOT NULL,
      "status" character varying(10) NOT NULL,
      "channel" character varying(10) NOT NULL,
      "customer_id" uuid NOT NULL,
      "contact_id" uuid,
      "owner_id" uuid NOT NULL,
      "department_id" uuid,
      "sla_business_hours" boolean NOT NULL DEFAULT true,
      "response_due_at" TIMESTAMP WITH TIME ZONE,
      "first_responded_at" TIMESTAMP WITH TIME ZONE,
      "response_breached_at" TIMESTAMP WITH TIME ZONE,
      "resolution_due_at" TIMESTAMP WITH TIME ZONE,
      "resolved_at" TIMESTAMP WITH TIME ZONE,
      "resolution_breached_at" TIMESTAMP WITH TIME ZONE,
      "paused_at" TIMESTAMP WITH TIME ZONE,
      "resolution_minutes_left" integer,
      "resolution_note" text,
      "knowledge_article_id" uuid,
      "reply_count" integer NOT NULL DEFAULT 0,
      "reopen_count" integer NOT NULL DEFAULT 0,
      "closed_at" TIMESTAMP WITH TIME ZONE,
      "satisfaction" smallint,
      "satisfaction_comment" character varying(1000),
      "satisfaction_at" TIMESTAMP WITH TIME ZONE,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      "deleted_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_service_cases" PRIMARY KEY ("id"),
      CONSTRAINT "service_cases_satisfaction_chk" CHECK (satisfaction BETWEEN 1 AND 5),
      CONSTRAINT "FK_service_cases_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT
    )`);
    await q.query(`CREATE UNIQUE INDEX "service_cases_number_uq" ON "service_cases" ("number") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_cases_keyset_idx" ON "service_cases" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_cases_owner_keyset_idx" ON "service_cases" ("owner_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_cases_department_keyset_idx" ON "service_cases" ("department_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_cases_customer_keyset_idx" ON "service_cases" ("customer_id", "created_at" DESC, "id" DESC)`);
    await q.query(`CREATE INDEX "service_cases_status_keyset_idx" ON "service_cases" ("status", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    // Priority sorts by meaning (urgent 4 … low 1): the list's sort expression is this one, so the index serves it.
    await q.query(`CREATE INDEX "service_cases_priority_keyset_idx" ON "service_cases" ((${PRIORITY_RANK}), "created_at", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_cases_due_keyset_idx" ON "service_cases" ((coalesce("resolution_due_at", 'infinity'::timestamptz)), "id") WHERE deleted_at IS NULL`);
    // The queues: a department's or an agent's active cases by resolution due time (small: active cases only).
    await q.query(`CREATE INDEX "service_cases_department_queue_idx" ON "service_cases" ("department_id", (coalesce("resolution_due_at", 'infinity'::timestamptz)), "id") WHERE deleted_at IS NULL AND ${ACTIVE}`);
    await q.query(`CREATE INDEX "service_cases_owner_queue_idx" ON "service_cases" ("owner_id", (coalesce("resolution_due_at", 'infinity'::timestamptz)), "id") WHERE deleted_at IS NULL AND ${ACTIVE}`);
    await q.query(`CREATE INDEX "service_cases_breached_keyset_idx" ON "service_cases" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL AND (response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL)`);
    await q.query(`CREATE INDEX "service_cases_subject_trgm_idx" ON "service_cases" USING gin ("subject" gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_cases_response_due_idx" ON "service_cases" ("response_due_at") WHERE deleted_at IS NULL AND first_responded_at IS NULL AND response_breached_at IS NULL AND ${ACTIVE}`);
    await q.query(`CREATE INDEX "service_cases_resolution_due_idx" ON "service_cases" ("resolution_due_at") WHERE deleted_at IS NULL AND resolved_at IS NULL AND resolution_breached_at IS NULL AND status IN ('new', 'open')`);
    await q.query(`CREATE INDEX "service_cases_resolved_idx" ON "service_cases" ("resolved_at") WHERE status = 'resolved' AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_cases_knowledge_idx" ON "service_cases" ("knowledge_article_id") WHERE knowledge_article_id IS NOT NULL`);

    await q.query(`CREATE TABLE "case_events" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "case_id" uuid NOT NULL,
      "kind" character varying(24) NOT NULL,
      "body" text,
      "data" jsonb,
      "actor_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_case_events" PRIMARY KEY ("id"),
      CONSTRAINT "FK_case_events_case" FOREIGN KEY ("case_id") REFERENCES "service_cases"("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX "case_events_case_idx" ON "case_events" ("case_id", "created_at", "id")`);

    await q.query(`CREATE TABLE "sla_policies" (
      "id" smallint NOT NULL DEFAULT 1,
      "calendar" jsonb NOT NULL,
      "targets" jsonb NOT NULL,
      "auto_close_days" integer NOT NULL DEFAULT 7,
      "updated_by" uuid,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      CONSTRAINT "PK_sla_policies" PRIMARY KEY ("id"),
      CONSTRAINT "sla_policies_single_chk" CHECK (id = 1)
    )`);
    const days = [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '09:00', end: '12:00' }, { weekday, start: '13:00', end: '18:00' }]);
    const calendar = { timeZone: 'Asia/Shanghai', workingHours: days, holidays: [], extraWorkdays: [] };
    const targets = [
      { priority: 'urgent', firstResponseMinutes: 30, resolutionMinutes: 240, businessHours: false },
      { priority: 'high', firstResponseMinutes: 60, resolutionMinutes: 480, businessHours: true },
      { priority: 'normal', firstResponseMinutes: 240, resolutionMinutes: 1440, businessHours: true },
      { priority: 'low', firstResponseMinutes: 480, resolutionMinutes: 2400, businessHours: true },
    ];
    await q.query(`INSERT INTO "sla_policies" ("id", "calendar", "targets", "auto_close_days") VALUES (1, $1, $2, 7)`, [JSON.stringify(calendar), JSON.stringify(targets)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sla_policies"`);
    await q.query(`DROP TABLE "case_events"`);
    await q.query(`DROP TABLE "service_cases"`);
    await q.query(`DROP SEQUENCE "service_case_number_seq"`);
  }
}
