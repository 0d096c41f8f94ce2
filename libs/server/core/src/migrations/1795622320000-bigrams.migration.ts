import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `kehu_bigrams(text)`: the distinct two-character pieces of a lower-cased text. A GIN
 * index over it answers substring searches of two characters and more — the common
 * Chinese query (字节, 华为) — which pg_trgm cannot: it needs three characters per trigram.
 */
export class Bigrams1795622320000 implements MigrationInterface {
  name = 'Bigrams1795622320000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION kehu_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(s, i, 2)), '{}') FROM (SELECT lower(t) AS s) x, generate_series(1, char_length(s) - 1) AS i
$$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION kehu_bigrams(text)`);
  }
}
