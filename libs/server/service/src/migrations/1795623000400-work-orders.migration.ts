import type { MigrationInterface, QueryRunner } from 'typeorm';

const BOOKED = `status IN ('scheduled', 'in_progress') AND deleted_at IS NULL`;

/**
 * Work orders (派工单): technicians' scheduled visits. An exclusion constraint keeps a
 * technician from being booked twice at once (two dispatchers racing: one wins), so the
 * rule holds in the database, not only in the service.
 */
export class WorkOrders1795623000400 implements MigrationInterface {
  name = 'WorkOrders1795623000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE SEQUENCE "work_order_number_seq"`);
    await q.query(`CREATE TABLE "work_orders" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "number" character varying(40) NOT NULL,
      "case_id" uuid,
      "customer_id" uuid NOT NULL,
      "service_contract_id" uuid,
      "technician_id" uuid NOT NULL,
      "department_id" uuid,
      "address" character varying(300),
      "instructions" character varying(2000),
      "scheduled_start" TIMESTAMP WITH TIME ZONE NOT NULL,
      "scheduled_end" TIMESTAMP WITH TIME ZONE NOT NULL,
      "status" character varying(12) NOT NULL DEFAULT 'scheduled',
      "started_at" TIMESTAMP WITH TIME ZONE,
      "completed_at" TIMESTAMP WITH TIME ZONE,
      "result" text,
      "signed_by" character varying(100),
      "billable" boolean,
      "cancel_reason" character varying(500),
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      "deleted_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_work_orders" PRIMARY KEY ("id"),
      CONSTRAINT "work_orders_window_chk" CHECK (scheduled_end > scheduled_start),
      CONSTRAINT "FK_work_orders_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_work_orders_case" FOREIGN KEY ("case_id") REFERENCES "service_cases"("id") ON DELETE RESTRICT,
      CONSTRAINT "work_orders_no_double_booking" EXCLUDE USING gist ("technician_id" WITH =, tstzrange("scheduled_start", "scheduled_end") WITH &&) WHERE (${BOOKED})
    )`);
    await q.query(`CREATE UNIQUE INDEX "work_orders_number_uq" ON "work_orders" ("number") WHERE deleted_at IS NULL`);
    // The calendar: a technician's or a department's visits by start time.
    await q.query(`CREATE INDEX "work_orders_technician_start_idx" ON "work_orders" ("technician_id", "scheduled_start", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "work_orders_department_start_idx" ON "work_orders" ("department_id", "scheduled_start", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "work_orders_start_idx" ON "work_orders" ("scheduled_start", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "work_orders_keyset_idx" ON "work_orders" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "work_orders_case_idx" ON "work_orders" ("case_id", "scheduled_start") WHERE case_id IS NOT NULL AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX "work_orders_customer_idx" ON "work_orders" ("customer_id", "scheduled_start") WHERE deleted_at IS NULL`);
    // Visits used per contract (completed work orders).
    await q.query(`CREATE INDEX "work_orders_contract_idx" ON "work_orders" ("service_contract_id") WHERE service_contract_id IS NOT NULL AND status = 'completed' AND deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "work_orders"`);
    await q.query(`DROP SEQUENCE "work_order_number_seq"`);
  }
}
