import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ownership columns the public pool and commissions work on; existing owners become developers. */
export class CustomerOwnership1795620910000 implements MigrationInterface {
  name = 'CustomerOwnership1795620910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "customers" ADD "developer_id" uuid`);
    await q.query(`ALTER TABLE "customers" ADD "pool_id" uuid`);
    await q.query(`ALTER TABLE "customers" ADD "claimed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "customers" ADD "locked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "customers" ADD "pool_entered_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`UPDATE "customers" SET "developer_id" = "owner_id", "claimed_at" = "created_at" WHERE "owner_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "customers" DROP COLUMN "pool_entered_at"`);
    await q.query(`ALTER TABLE "customers" DROP COLUMN "locked_at"`);
    await q.query(`ALTER TABLE "customers" DROP COLUMN "claimed_at"`);
    await q.query(`ALTER TABLE "customers" DROP COLUMN "pool_id"`);
    await q.query(`ALTER TABLE "customers" DROP COLUMN "developer_id"`);
  }
}
