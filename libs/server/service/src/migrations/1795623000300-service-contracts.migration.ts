import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service contracts (服务合同): what a customer is entitled to for a term — SLA targets that
 * replace the company policy's and field visits included. A case remembers the contract in
 * force when it was raised.
 */
export class ServiceContracts1795623000300 implements MigrationInterface {
  name = 'ServiceContracts1795623000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE "service_contract_number_seq"`);
    await q.query(`CREATE TABLE "service_contracts" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "number" character varying(40) NOT NULL,
      "name" character varying(200) NOT NULL,
      "customer_id" uuid NOT NULL,
      "level" character varying(40),
      "start_date" date NOT NULL,
      "end_date" date NOT NULL,
      "sla_targets" jsonb NOT NULL DEFAULT '[]',
      "visits_included" integer,
      "notes" character varying(2000),
      "owner_id" uuid NOT NULL,
      "department_id" uuid,
      "terminated_at" TIMESTAMP WITH TIME ZONE,
      "termination_reason" character varying(500),
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL DEFAULT 1,
      "deleted_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_service_contracts" PRIMARY KEY ("id"),
      CONSTRAINT "service_contracts_term_chk" CHECK (end_date >= start_date),
      CONSTRAINT "FK_service_contracts_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT
    )`);
    await q.query(`CREATE UNIQUE INDEX "service_contracts_number_uq" ON "service_contracts" ("number") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_contracts_keyset_idx" ON "service_contracts" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_contracts_owner_keyset_idx" ON "service_contracts" ("owner_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_contracts_department_keyset_idx" ON "service_contracts" ("department_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    // Also the entitlement lookup when a case is raised: the customer's contracts by end date.
    await q.query(`CREATE INDEX "service_contracts_customer_idx" ON "service_contracts" ("customer_id", "end_date" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_contracts_end_date_idx" ON "service_contracts" ("end_date", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "service_contracts_start_date_idx" ON "service_contracts" ("start_date", "id") WHERE deleted_at IS NULL`);
    await q.query(`ALTER TABLE "service_cases" ADD "service_contract_id" uuid`);
    await q.query(`CREATE INDEX "service_cases_contract_idx" ON "service_cases" ("service_contract_id", "created_at" DESC, "id" DESC) WHERE service_contract_id IS NOT NULL AND deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "service_cases" DROP COLUMN "service_contract_id"`);
    await q.query(`DROP TABLE "service_contracts"`);
    await q.query(`DROP SEQUENCE "service_contract_number_seq"`);
  }
}
