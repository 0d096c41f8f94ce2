import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revenue (营收): product categories and products, price lists, orders with lines and a
 * status timeline, commission rules and statements, grading rules and settings.
 */
export class Revenue1795621110000 implements MigrationInterface {
  name = 'Revenue1795621110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "product_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "parent_id" uuid, "path" character varying(1000) NOT NULL, "position" smallint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7069dac60d88408eca56fdc9e0c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "product_categories_path_idx" ON "product_categories" ("path") `);
    await q.query(`CREATE TABLE "products" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "category_id" uuid, "unit" character varying(20) NOT NULL DEFAULT '个', "list_price" numeric(14,2) NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'CNY', "active" boolean NOT NULL DEFAULT true, "external_id" character varying(100), "external_source" character varying(40), CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "price_lists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'CNY', "grades" text array NOT NULL DEFAULT '{}', "provinces" text array NOT NULL DEFAULT '{}', "priority" smallint NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_fd66ee20b065696da25c97fa45a" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "price_list_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "price_list_id" uuid NOT NULL, "product_id" uuid NOT NULL, "price" numeric(14,2) NOT NULL, CONSTRAINT "PK_cdb44449658589feac39de86695" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "price_list_items_product_idx" ON "price_list_items" ("product_id") `);
    await q.query(`CREATE UNIQUE INDEX "price_list_items_uq" ON "price_list_items" ("price_list_id", "product_id") `);
    await q.query(`CREATE TABLE "orders" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(40) NOT NULL, "customer_id" uuid NOT NULL, "opportunity_id" uuid, "owner_id" uuid NOT NULL, "department_id" uuid, "status" character varying(12) NOT NULL, "currency" character varying(3) NOT NULL DEFAULT 'CNY', "subtotal" numeric(14,2) NOT NULL DEFAULT '0', "discount_total" numeric(14,2) NOT NULL DEFAULT '0', "total" numeric(14,2) NOT NULL DEFAULT '0', "note" character varying(500), "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "paid_at" TIMESTAMP WITH TIME ZONE, "shipped_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "returned_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "external_id" character varying(100), "external_source" character varying(40), CONSTRAINT "PK_710e2d4957aa5878dfe94e4ac2f" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "orders_number_uq" ON "orders" ("number") `);
    await q.query(`CREATE TABLE "order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "position" smallint NOT NULL, "product_id" uuid, "description" character varying(500) NOT NULL, "quantity" numeric(18,4) NOT NULL, "unit_price" numeric(14,2) NOT NULL, "discount_percent" numeric(5,2) NOT NULL DEFAULT '0', "line_total" numeric(14,2) NOT NULL, CONSTRAINT "PK_627dcd7f1d707de4df241b2da6b" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "order_lines_order_idx" ON "order_lines" ("order_id", "position") `);
    await q.query(`CREATE TABLE "order_status_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "by" uuid, "note" character varying(500), CONSTRAINT "PK_cee8187701a1f5ca1d3780f89dc" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "order_status_events_order_idx" ON "order_status_events" ("order_id", "at") `);
    await q.query(`CREATE TABLE "commission_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "bonus_amount" numeric(14,2), "bonus_trigger" character varying(20) NOT NULL DEFAULT 'customer_created', "rate_percent" numeric(5,2), "months" smallint, "currency" character varying(3) NOT NULL DEFAULT 'CNY', "effective_from" date NOT NULL, "effective_to" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_399c9fa57f7fd28dfc57acea3bd" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "commission_statements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "department_id" uuid, "period" character varying(7) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'draft', "currency" character varying(3) NOT NULL DEFAULT 'CNY', "total" numeric(14,2) NOT NULL DEFAULT '0', "line_count" integer NOT NULL DEFAULT '0', "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by" uuid, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_a13cdb260d1d99f86a712b49bef" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "commission_statements_period_idx" ON "commission_statements" ("period", "department_id") `);
    await q.query(`CREATE UNIQUE INDEX "commission_statements_uq" ON "commission_statements" ("user_id", "period", "currency") `);
    await q.query(`CREATE TABLE "commission_statement_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "statement_id" uuid NOT NULL, "kind" character varying(12) NOT NULL, "rule_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "order_id" uuid, "basis_amount" numeric(14,2), "rate_percent" numeric(5,2), "bonus_amount" numeric(14,2), "amount" numeric(14,2) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f578a8c495ad1529b2b4a8b940b" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "commission_statement_lines_statement_idx" ON "commission_statement_lines" ("statement_id", "occurred_at") `);
    await q.query(`CREATE TABLE "grading_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "position" smallint NOT NULL, "name" character varying(100) NOT NULL, "grade" character varying(1) NOT NULL, "conditions" jsonb NOT NULL DEFAULT '[]', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_9b27534ce1995bcd243326935a0" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "grading_settings" ("id" smallint NOT NULL DEFAULT '1', "labels" jsonb NOT NULL DEFAULT '{}', "default_grade" character varying(1), "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0e16cc07f882e967301797bb967" PRIMARY KEY ("id"))`);
    await q.query(`ALTER TABLE "price_list_items" ADD CONSTRAINT "FK_2576ee6c421b653f85011b9f5ac" FOREIGN KEY ("price_list_id") REFERENCES "price_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "price_list_items" ADD CONSTRAINT "FK_e21fbf5b1d5ca8781e2fc12e752" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_772d0ce0473ac2ccfa26060dbe9" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "order_lines" ADD CONSTRAINT "FK_6a619803439ea92778cafc8fb54" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "order_status_events" ADD CONSTRAINT "FK_4dd918631de3ec45cb4fa4d2d83" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "commission_statement_lines" ADD CONSTRAINT "FK_8fbdd87cd8978ed88086325191e" FOREIGN KEY ("statement_id") REFERENCES "commission_statements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Hand-written: partial unique, keyset (DESC) and trigram indexes the entities cannot declare.
    await q.query(`CREATE UNIQUE INDEX "products_code_uq" ON "products" ("code") WHERE deleted_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "products_external_uq" ON "products" ("external_source", "external_id") WHERE deleted_at IS NULL AND external_id IS NOT NULL`);
    await q.query(`CREATE INDEX "products_category_idx" ON "products" ("category_id", "code") WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "products_name_trgm_idx" ON "products" USING gin ("name" gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "orders_external_uq" ON "orders" ("external_source", "external_id") WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX "orders_customer_placed_idx" ON "orders" ("customer_id", "placed_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "orders_owner_keyset_idx" ON "orders" ("owner_id", "placed_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "orders_department_keyset_idx" ON "orders" ("department_id", "placed_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "orders_keyset_idx" ON "orders" ("placed_at" DESC, "id" DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX "orders_paid_idx" ON "orders" ("paid_at", "customer_id") WHERE deleted_at IS NULL AND paid_at IS NOT NULL`);
    await q.query(`CREATE INDEX "orders_opportunity_idx" ON "orders" ("opportunity_id") WHERE opportunity_id IS NOT NULL`);
    // Order numbers SO-YYYYMMDD-NNNNNN: a sequence, so concurrent creates never collide.
    await q.query(`CREATE SEQUENCE "order_number_seq"`);
    await q.query(`INSERT INTO "grading_settings" ("id", "labels", "default_grade") VALUES (1, '{"A":"重点客户","B":"普通客户","C":"一般客户","D":"低价值客户"}', NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE "order_number_seq"`);
    await q.query(`DROP INDEX "public"."orders_opportunity_idx"`);
    await q.query(`DROP INDEX "public"."orders_paid_idx"`);
    await q.query(`DROP INDEX "public"."orders_keyset_idx"`);
    await q.query(`DROP INDEX "public"."orders_department_keyset_idx"`);
    await q.query(`DROP INDEX "public"."orders_owner_keyset_idx"`);
    await q.query(`DROP INDEX "public"."orders_customer_placed_idx"`);
    await q.query(`DROP INDEX "public"."orders_external_uq"`);
    await q.query(`DROP INDEX "public"."products_name_trgm_idx"`);
    await q.query(`DROP INDEX "public"."products_category_idx"`);
    await q.query(`DROP INDEX "public"."products_external_uq"`);
    await q.query(`DROP INDEX "public"."products_code_uq"`);
    await q.query(`ALTER TABLE "commission_statement_lines" DROP CONSTRAINT "FK_8fbdd87cd8978ed88086325191e"`);
    await q.query(`ALTER TABLE "order_status_events" DROP CONSTRAINT "FK_4dd918631de3ec45cb4fa4d2d83"`);
    await q.query(`ALTER TABLE "order_lines" DROP CONSTRAINT "FK_6a619803439ea92778cafc8fb54"`);
    await q.query(`ALTER TABLE "orders" DROP CONSTRAINT "FK_772d0ce0473ac2ccfa26060dbe9"`);
    await q.query(`ALTER TABLE "price_list_items" DROP CONSTRAINT "FK_e21fbf5b1d5ca8781e2fc12e752"`);
    await q.query(`ALTER TABLE "price_list_items" DROP CONSTRAINT "FK_2576ee6c421b653f85011b9f5ac"`);
    await q.query(`DROP TABLE "grading_settings"`);
    await q.query(`DROP TABLE "grading_rules"`);
    await q.query(`DROP INDEX "public"."commission_statement_lines_statement_idx"`);
    await q.query(`DROP TABLE "commission_statement_lines"`);
    await q.query(`DROP INDEX "public"."commission_statements_uq"`);
    await q.query(`DROP INDEX "public"."commission_statements_period_idx"`);
    await q.query(`DROP TABLE "commission_statements"`);
    await q.query(`DROP TABLE "commission_rules"`);
    await q.query(`DROP INDEX "public"."order_status_events_order_idx"`);
    await q.query(`DROP TABLE "order_status_events"`);
    await q.query(`DROP INDEX "public"."order_lines_order_idx"`);
    await q.query(`DROP TABLE "order_lines"`);
    await q.query(`DROP INDEX "public"."orders_number_uq"`);
    await q.query(`DROP TABLE "orders"`);
    await q.query(`DROP INDEX "public"."price_list_items_uq"`);
    await q.query(`DROP INDEX "public"."price_list_items_product_idx"`);
    await q.query(`DROP TABLE "price_list_items"`);
    await q.query(`DROP TABLE "price_lists"`);
    await q.query(`DROP TABLE "products"`);
    await q.query(`DROP INDEX "public"."product_categories_path_idx"`);
    await q.query(`DROP TABLE "product_categories"`);
  }
}
