import type { MigrationInterface, QueryRunner } from 'typeorm';

const live = 'WHERE deleted_at IS NULL';
/** Keyset indexes of the list: every filter and sort, newest change first, on live rows. */
const indexes: [name: string, definition: string][] = [
  ['knowledge_articles_number_uq', `CREATE UNIQUE INDEX "knowledge_articles_number_uq" ON "knowledge_articles" ("number")`],
  ['knowledge_articles_keyset_idx', `CREATE INDEX "knowledge_articles_keyset_idx" ON "knowledge_articles" ("updated_at" DESC, "id" DESC) ${live}`],
  ['knowledge_articles_status_keyset_idx', `CREATE INDEX "knowledge_articles_status_keyset_idx" ON "knowledge_articles" ("status", "updated_at" DESC, "id" DESC) ${live}`],
  ['knowledge_articles_category_keyset_idx', `CREATE INDEX "knowledge_articles_category_keyset_idx" ON "knowledge_articles" ("category", "updated_at" DESC, "id" DESC) ${live}`],
  ['knowledge_articles_case_type_keyset_idx', `CREATE INDEX "knowledge_articles_case_type_keyset_idx" ON "knowledge_articles" ("case_type", "updated_at" DESC, "id" DESC) ${live}`],
  ['knowledge_articles_owner_keyset_idx', `CREATE INDEX "knowledge_articles_owner_keyset_idx" ON "knowledge_articles" ("owner_id", "updated_at" DESC, "id" DESC) ${live}`],
  ['knowledge_articles_department_keyset_idx', `CREATE INDEX "knowledge_articles_department_keyset_idx" ON "knowledge_articles" ("department_id", "updated_at" DESC, "id" DESC) ${live}`],
  ['knowledge_articles_title_idx', `CREATE INDEX "knowledge_articles_title_idx" ON "knowledge_articles" ("title", "id") ${live}`],
  ['knowledge_articles_views_idx', `CREATE INDEX "knowledge_articles_views_idx" ON "knowledge_articles" ("view_count" DESC, "id" DESC) ${live}`],
  ['knowledge_articles_helpful_idx', `CREATE INDEX "knowledge_articles_helpful_idx" ON "knowledge_articles" ("helpful_count" DESC, "id" DESC) ${live}`],
  ['knowledge_articles_tags_idx', `CREATE INDEX "knowledge_articles_tags_idx" ON "knowledge_articles" USING gin ("tags") ${live}`],
  // The search: every word of q must occur in title, problem or solution. The bigrams narrow to
  // the rows holding all two-character pieces of a word — Chinese 卡纸 and Latin "toner" alike,
  // which neither tsvector (no Chinese parser) nor pg_trgm (3 characters) does. The expression
  // must read exactly as KNOWLEDGE_SEARCH_TEXT in the repository.
  ['knowledge_articles_search_bigrams_idx', `CREATE INDEX "knowledge_articles_search_bigrams_idx" ON "knowledge_articles" USING gin (knowledge_search_bigrams(title || ' ' || problem || ' ' || solution)) ${live}`],
  ['knowledge_articles_deleted_idx', `CREATE INDEX "knowledge_articles_deleted_idx" ON "knowledge_articles" ("updated_at" DESC, "id" DESC) WHERE deleted_at IS NOT NULL`],
];

/**
 * The knowledge base (知识库): articles with their number sequence (KB-000123), and one
 * feedback vote per person and article. Hand-written beyond the generated tables: the keyset,
 * tag and bigram search indexes, all partial on live rows.
 */
export class Knowledge1795623000200 implements MigrationInterface {
  name = 'Knowledge1795623000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "knowledge_articles" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "problem" text NOT NULL, "solution" text NOT NULL, "category" character varying(60), "tags" text array NOT NULL DEFAULT '{}', "case_type" character varying(20), "status" character varying(20) NOT NULL DEFAULT 'draft', "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "view_count" integer NOT NULL DEFAULT '0', "helpful_count" integer NOT NULL DEFAULT '0', "not_helpful_count" integer NOT NULL DEFAULT '0', "owner_id" uuid NOT NULL, "department_id" uuid, CONSTRAINT "PK_4dff86fc9e08f53fe1d4cfe5fb1" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "knowledge_article_feedback" ("article_id" uuid NOT NULL, "user_id" uuid NOT NULL, "helpful" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f79b62f2b5bf8bfa98204c4ab84" PRIMARY KEY ("article_id", "user_id"))`);
    await q.query(`ALTER TABLE "knowledge_article_feedback" ADD CONSTRAINT "FK_0ce7a7e96faabc8acd0ac878315" FOREIGN KEY ("article_id") REFERENCES "knowledge_articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`CREATE SEQUENCE "knowledge_article_number_seq"`);
    // The same pieces as core's kehu_bigrams, in linear time: kehu_bigrams takes substr(s, i, 2)
    // for every i, which walks the UTF-8 text from its start each time (quadratic: 20 s for a
    // 50,000-character solution, and again for every ANALYZE sample); here each character is
    // paired with the next by a window over the characters (25 ms for 70,000).
    await q.query(`CREATE FUNCTION knowledge_search_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT b FROM (SELECT c || lead(c) OVER (ORDER BY i) AS b FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS x(c, i)) y WHERE b IS NOT NULL)
$$`);
    for (const [, definition] of indexes) await q.query(definition);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...indexes].reverse()) await q.query(`DROP INDEX "public"."${name}"`);
    await q.query(`DROP FUNCTION knowledge_search_bigrams(text)`);
    await q.query(`DROP SEQUENCE "knowledge_article_number_seq"`);
    await q.query(`ALTER TABLE "knowledge_article_feedback" DROP CONSTRAINT "FK_0ce7a7e96faabc8acd0ac878315"`);
    await q.query(`DROP TABLE "knowledge_article_feedback"`);
    await q.query(`DROP TABLE "knowledge_articles"`);
  }
}
