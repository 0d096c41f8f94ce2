import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deals board of an owner-scoped caller (rep: own or team) read every opportunity
 * of those owners from the heap to total and rank them per stage. This index holds all
 * the board needs (stage, order, amount, probability override, customer), so both board
 * queries are index-only scans. Measured in bench/README.md.
 */
export class OpportunitiesBoardIndex1795621500000 implements MigrationInterface {
  name = 'OpportunitiesBoardIndex1795621500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "opportunities_owner_board_idx" ON "opportunities" ("owner_id", "pipeline_id", "stage_id", "updated_at" DESC, "id" DESC) INCLUDE ("customer_id", "amount", "probability_override") WHERE "deleted_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."opportunities_owner_board_idx"`);
  }
}
