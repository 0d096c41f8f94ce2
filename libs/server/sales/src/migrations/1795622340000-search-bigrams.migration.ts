import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bigram GIN indexes for leads and opportunities in the global search (see kehu_bigrams in core). */
export class SalesSearchBigrams1795622340000 implements MigrationInterface {
  name = 'SalesSearchBigrams1795622340000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "leads_search_bigrams_idx" ON "leads" USING gin (kehu_bigrams(person_name || ' ' || coalesce(company_name, ''))) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "opportunities_search_bigrams_idx" ON "opportunities" USING gin (kehu_bigrams(name)) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "opportunities_search_bigrams_idx"`);
    await q.query(`DROP INDEX "leads_search_bigrams_idx"`);
  }
}
