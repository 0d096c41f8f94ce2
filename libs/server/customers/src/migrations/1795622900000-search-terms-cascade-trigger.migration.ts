import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * customer_search_terms loses its foreign key to customers; a statement trigger on customers
 * removes the terms of hard-deleted customers instead (what ON DELETE CASCADE did). Its rows are
 * only ever written by the triggers on customers, for the customer being written, so the key's
 * check — one row lock on the customer per inserted row — proved nothing, and cost ~35 µs of
 * every imported row (a third of the search terms' share; bench scale 1, 2,000-row batches).
 */
export class SearchTermsCascadeTrigger1795622900000 implements MigrationInterface {
  name = 'SearchTermsCascadeTrigger1795622900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "customer_search_terms" DROP CONSTRAINT "FK_f47b51db3fa6deb4611731a61b2"`);
    await q.query(`CREATE FUNCTION customer_search_terms_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM customer_search_terms t USING old_customers o WHERE t.customer_id = o.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER customers_search_terms_delete AFTER DELETE ON customers REFERENCING OLD TABLE AS old_customers
      FOR EACH STATEMENT EXECUTE FUNCTION customer_search_terms_delete()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER customers_search_terms_delete ON customers`);
    await q.query(`DROP FUNCTION customer_search_terms_delete()`);
    await q.query(`DELETE FROM customer_search_terms t WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = t.customer_id)`);
    await q.query(`ALTER TABLE "customer_search_terms" ADD CONSTRAINT "FK_f47b51db3fa6deb4611731a61b2" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
