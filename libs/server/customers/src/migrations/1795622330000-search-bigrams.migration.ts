import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bigram GIN indexes for the global search and the list's `q` (see kehu_bigrams in core). */
export class SearchBigrams1795622330000 implements MigrationInterface {
  name = 'SearchBigrams1795622330000';

  async up(q: QueryRunner): Promise<void> {
    // The expressions must read exactly as in searchableText (customers lib): the planner matches them by text.
    await q.query(`CREATE INDEX "customers_search_bigrams_idx" ON "customers" USING gin (kehu_bigrams(name || ' ' || coalesce(short_name, ''))) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "contacts_search_bigrams_idx" ON "contacts" USING gin (kehu_bigrams(name)) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "contacts_search_bigrams_idx"`);
    await q.query(`DROP INDEX "customers_search_bigrams_idx"`);
  }
}
