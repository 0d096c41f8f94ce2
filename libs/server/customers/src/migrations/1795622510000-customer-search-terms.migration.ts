import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customers' text GIN indexes move to customer_search_terms (one row per live customer),
 * kept in step by triggers. On `customers` every non-HOT update — an owner change, a new
 * follow-up time — inserted fresh entries into the bigram and trigram indexes although the
 * name had not changed: ~70 % of the cost of moving a customer (bench scale 1: 2,000 owner
 * changes 946 → 264 ms without them). The trigram index on `name` is dropped: since the
 * bigram index serves "contains", nothing reads it.
 */
export class CustomerSearchTerms1795622510000 implements MigrationInterface {
  name = 'CustomerSearchTerms1795622510000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "customer_search_terms" ("customer_id" uuid NOT NULL, "name_key" text NOT NULL, "search_text" text NOT NULL, CONSTRAINT "PK_f47b51db3fa6deb4611731a61b2" PRIMARY KEY ("customer_id"))`);
    await q.query(`ALTER TABLE "customer_search_terms" ADD CONSTRAINT "FK_f47b51db3fa6deb4611731a61b2" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Filled before its indexes are built (one sorted build instead of 1M inserts).
    await q.query(`INSERT INTO customer_search_terms (customer_id, name_key, search_text)
      SELECT id, name_key, name || ' ' || coalesce(short_name, '') FROM customers WHERE deleted_at IS NULL`);
    // The expression must read exactly as customerSearchText builds it (the planner matches it by text).
    await q.query(`CREATE INDEX "customer_search_terms_bigrams_idx" ON "customer_search_terms" USING gin (kehu_bigrams(search_text)) WITH (fastupdate = off)`);
    await q.query(`CREATE INDEX "customer_search_terms_name_key_trgm_idx" ON "customer_search_terms" USING gin ("name_key" gin_trgm_ops) WITH (fastupdate = off)`);
    // New customers: one set-based insert per statement (imports insert thousands at once).
    await q.query(`CREATE FUNCTION customer_search_terms_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_search_terms (customer_id, name_key, search_text)
          SELECT n.id, n.name_key, n.name || ' ' || coalesce(n.short_name, '') FROM new_customers n WHERE n.deleted_at IS NULL;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER customers_search_terms_insert AFTER INSERT ON customers REFERENCING NEW TABLE AS new_customers
      FOR EACH STATEMENT EXECUTE FUNCTION customer_search_terms_insert()`);
    // Changes: a row trigger limited to the text columns and deletion, so an UPDATE that sets
    // none of them (owner, follow-up time, pool fields) does not fire it at all.
    await q.query(`CREATE FUNCTION customer_search_terms_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.deleted_at IS NOT NULL THEN
          DELETE FROM customer_search_terms WHERE customer_id = NEW.id;
        ELSE
          INSERT INTO customer_search_terms (customer_id, name_key, search_text) VALUES (NEW.id, NEW.name_key, NEW.name || ' ' || coalesce(NEW.short_name, ''))
            ON CONFLICT (customer_id) DO UPDATE SET name_key = EXCLUDED.name_key, search_text = EXCLUDED.search_text;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER customers_search_terms_update AFTER UPDATE OF name, short_name, name_key, deleted_at ON customers FOR EACH ROW
      WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.short_name IS DISTINCT FROM NEW.short_name OR OLD.name_key IS DISTINCT FROM NEW.name_key
            OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
      EXECUTE FUNCTION customer_search_terms_update()`);
    await q.query(`DROP INDEX "customers_search_bigrams_idx"`);
    await q.query(`DROP INDEX "customers_name_trgm_idx"`);
    await q.query(`DROP INDEX "customers_name_key_trgm_idx"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "customers_name_key_trgm_idx" ON "customers" USING gin ("name_key" gin_trgm_ops) WITH (fastupdate = off) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops) WITH (fastupdate = off) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "customers_search_bigrams_idx" ON "customers" USING gin (kehu_bigrams(name || ' ' || coalesce(short_name, ''))) WITH (fastupdate = off) WHERE deleted_at IS NULL`);
    await q.query(`DROP TRIGGER customers_search_terms_update ON customers`);
    await q.query(`DROP TRIGGER customers_search_terms_insert ON customers`);
    await q.query(`DROP FUNCTION customer_search_terms_update()`);
    await q.query(`DROP FUNCTION customer_search_terms_insert()`);
    await q.query(`DROP TABLE "customer_search_terms"`);
  }
}
