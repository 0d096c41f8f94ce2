import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sales contracts with their approval history, receivable instalments, payments and
 * sales targets. Hand-written beyond the generated tables: the contract number sequence
 * and unique index, keyset indexes (DESC, partial on live rows) for the list's filters and
 * sorts, the open-instalments-by-due-date index (overdue job and list), the renewal job's
 * partial index and the targets' uniqueness (the company has no subject).
 */
export class ContractsReceivablesTargets1795621200000 implements MigrationInterface {
  name = 'ContractsReceivablesTargets1795621200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "sales_contracts" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "customer_id" uuid NOT NULL, "opportunity_id" uuid, "owner_id" uuid NOT NULL, "department_id" uuid, "amount" numeric(14,2) NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'CNY', "start_date" date NOT NULL, "end_date" date NOT NULL, "signed_date" date, "status" character varying(20) NOT NULL DEFAULT 'draft', "submitted_by" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "status_reason" character varying(500), "renewal_opportunity_id" uuid, CONSTRAINT "PK_db4bbddf9d19d0075331e505fff" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "sales_contract_approvals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "decision" character varying(20) NOT NULL, "actor_id" uuid, "comment" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef3246e2c20111e9843e020ffb6" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "sales_contract_approvals_contract_idx" ON "sales_contract_approvals" ("contract_id", "created_at") `);
    await q.query(`CREATE TABLE "receivable_instalments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "due_date" date NOT NULL, "amount" numeric(14,2) NOT NULL, "received" numeric(14,2) NOT NULL DEFAULT '0', "note" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_d2736b4e0621a18dcb2fa03bfe5" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "receivable_instalments_contract_idx" ON "receivable_instalments" ("contract_id", "due_date") `);
    await q.query(`CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "instalment_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "owner_id" uuid NOT NULL, "department_id" uuid, "amount" numeric(14,2) NOT NULL, "received_on" date NOT NULL, "method" character varying(20) NOT NULL, "reference" character varying(100), "note" character varying(500), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "payments_customer_received_idx" ON "payments" ("customer_id", "received_on") `);
    await q.query(`CREATE INDEX "payments_department_received_idx" ON "payments" ("department_id", "received_on") `);
    await q.query(`CREATE INDEX "payments_owner_received_idx" ON "payments" ("owner_id", "received_on") `);
    await q.query(`CREATE INDEX "payments_received_idx" ON "payments" ("received_on") `);
    await q.query(`CREATE INDEX "payments_instalment_idx" ON "payments" ("instalment_id") `);
    await q.query(`CREATE TABLE "sales_targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period" character varying(7) NOT NULL, "level" character varying(12) NOT NULL, "subject_id" uuid, "metric" character varying(20) NOT NULL, "value" numeric(14,2) NOT NULL, "owner_id" uuid, "department_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_31edd2af8f8c70fb1d3cac863d4" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "sales_targets_period_idx" ON "sales_targets" ("period", "level") `);
    await q.query(`ALTER TABLE "sales_contracts" ADD CONSTRAINT "FK_654d7d6f83e5b1f06557b7e19cf" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "sales_contract_approvals" ADD CONSTRAINT "FK_dd7920498eccb1b828cbb50b7c2" FOREIGN KEY ("contract_id") REFERENCES "sales_contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "receivable_instalments" ADD CONSTRAINT "FK_c3b7ec76839861ff36a4202ee81" FOREIGN KEY ("contract_id") REFERENCES "sales_contracts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payments" ADD CONSTRAINT "FK_f9e41ab45df9e1a12ce9e6cd24a" FOREIGN KEY ("instalment_id") REFERENCES "receivable_instalments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await q.query(`CREATE SEQUENCE "sales_contract_number_seq"`);
    await q.query(`CREATE UNIQUE INDEX "sales_contracts_number_uq" ON "sales_contracts" ("number") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "sales_contracts_keyset_idx" ON "sales_contracts" ("created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "sales_contracts_owner_keyset_idx" ON "sales_contracts" ("owner_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "sales_contracts_department_keyset_idx" ON "sales_contracts" ("department_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "sales_contracts_customer_keyset_idx" ON "sales_contracts" ("customer_id", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "sales_contracts_status_keyset_idx" ON "sales_contracts" ("status", "created_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "sales_contracts_end_date_idx" ON "sales_contracts" ("end_date", "id") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "sales_contracts_signed_date_idx" ON "sales_contracts" ("signed_date", "id") WHERE deleted_at IS NULL AND signed_date IS NOT NULL`);
    await q.query(`CREATE INDEX "sales_contracts_renewal_due_idx" ON "sales_contracts" ("end_date") WHERE renewal_opportunity_id IS NULL AND deleted_at IS NULL AND status IN ('approved', 'active')`);
    await q.query(`CREATE INDEX "receivable_instalments_open_due_idx" ON "receivable_instalments" ("due_date", "id") WHERE received < amount`);
    await q.query(`CREATE UNIQUE INDEX "sales_targets_uq" ON "sales_targets" ("period", "level", coalesce("subject_id", '00000000-0000-0000-0000-000000000000'::uuid), "metric")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const idx of ['sales_targets_uq', 'receivable_instalments_open_due_idx', 'sales_contracts_renewal_due_idx', 'sales_contracts_signed_date_idx', 'sales_contracts_end_date_idx', 'sales_contracts_status_keyset_idx', 'sales_contracts_customer_keyset_idx', 'sales_contracts_department_keyset_idx', 'sales_contracts_owner_keyset_idx', 'sales_contracts_keyset_idx', 'sales_contracts_number_uq']) {
      await q.query(`DROP INDEX "public"."${idx}"`);
    }
    await q.query(`DROP SEQUENCE "sales_contract_number_seq"`);
    await q.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_f9e41ab45df9e1a12ce9e6cd24a"`);
    await q.query(`ALTER TABLE "receivable_instalments" DROP CONSTRAINT "FK_c3b7ec76839861ff36a4202ee81"`);
    await q.query(`ALTER TABLE "sales_contract_approvals" DROP CONSTRAINT "FK_dd7920498eccb1b828cbb50b7c2"`);
    await q.query(`ALTER TABLE "sales_contracts" DROP CONSTRAINT "FK_654d7d6f83e5b1f06557b7e19cf"`);
    await q.query(`DROP INDEX "public"."sales_targets_period_idx"`);
    await q.query(`DROP TABLE "sales_targets"`);
    await q.query(`DROP INDEX "public"."payments_instalment_idx"`);
    await q.query(`DROP INDEX "public"."payments_received_idx"`);
    await q.query(`DROP INDEX "public"."payments_owner_received_idx"`);
    await q.query(`DROP INDEX "public"."payments_department_received_idx"`);
    await q.query(`DROP INDEX "public"."payments_customer_received_idx"`);
    await q.query(`DROP TABLE "payments"`);
    await q.query(`DROP INDEX "public"."receivable_instalments_contract_idx"`);
    await q.query(`DROP TABLE "receivable_instalments"`);
    await q.query(`DROP INDEX "public"."sales_contract_approvals_contract_idx"`);
    await q.query(`DROP TABLE "sales_contract_approvals"`);
    await q.query(`DROP TABLE "sales_contracts"`);
  }
}
