import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A manual grade override (revenue/grading): while grade_locked_at is set the grading job leaves the grade alone. */
export class CustomerGradeOverride1795621100000 implements MigrationInterface {
  name = 'CustomerGradeOverride1795621100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "customers" ADD "grade_locked_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "customers" ADD "grade_reason" character varying(500)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "customers" DROP COLUMN "grade_reason"`);
    await q.query(`ALTER TABLE "customers" DROP COLUMN "grade_locked_at"`);
  }
}
