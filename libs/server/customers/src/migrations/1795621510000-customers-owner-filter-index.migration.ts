import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer list of an owner-scoped caller (rep: own or team) filtered by grade and
 * province, newest first. Without it PostgreSQL walks customers_grade_province_idx in
 * order and fetches every row to test its owner (thousands of heap reads for a first
 * page, more for deep pages). Measured in bench/README.md.
 */
export class CustomersOwnerFilterIndex1795621510000 implements MigrationInterface {
  name = 'CustomersOwnerFilterIndex1795621510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "customers_owner_grade_province_idx" ON "customers" ("owner_id", "grade", "province", "created_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."customers_owner_grade_province_idx"`);
  }
}
