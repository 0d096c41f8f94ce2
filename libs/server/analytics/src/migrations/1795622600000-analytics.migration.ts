import { MigrationInterface, QueryRunner } from 'typeorm';

// An order counts as revenue once paid and until returned or cancelled (as grading reads it), in the month it was paid.
const revenue = (a: string) => `${a}.deleted_at IS NULL AND ${a}.status IN ('paid', 'shipped', 'delivered')`;
const contribution = (rows: string, sign: '' | '-') => `
  SELECT analytics_month(coalesce(x.paid_at, x.placed_at)) AS month, coalesce(c.province, '') AS province, x.department_id, x.owner_id,
         ${sign}x.total AS revenue, ${sign}1 AS orders
    FROM ${rows} x JOIN customers c ON c.id = x.customer_id
   WHERE ${revenue('x')}`;
// Sums the deltas per key and adds them; keys in one order, so two writers never wait on each other in a cycle.
const apply = (deltas: string) => `
  INSERT INTO revenue_rollup AS r (month, province, department_id, owner_id, revenue, orders)
  SELECT month, province, department_id, owner_id, sum(revenue), sum(orders) FROM (${deltas}) d
   GROUP BY 1, 2, 3, 4 HAVING sum(revenue) <> 0 OR sum(orders) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT revenue_rollup_key DO UPDATE SET revenue = r.revenue + excluded.revenue, orders = r.orders + excluded.orders`;
// A key whose last order left (returned, cancelled, deleted) is removed: through a partial index that is empty between statements.
const DROP_EMPTY = `DELETE FROM revenue_rollup WHERE orders = 0 AND revenue = 0`;
const triggerFn = (name: string, body: string) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN ${body}; ${DROP_EMPTY}; RETURN NULL; END $fn$`;

const rollupFunctions = [
  // Statement triggers with transition tables: a bulk upsert of 2,000 orders is one aggregate, not 2,000.
  triggerFn('revenue_rollup_on_insert', apply(contribution('new_orders', ''))),
  triggerFn('revenue_rollup_on_update', apply(`${contribution('old_orders', '-')} UNION ALL ${contribution('new_orders', '')}`)),
  triggerFn('revenue_rollup_on_delete', apply(contribution('old_orders', '-'))),
  `CREATE TRIGGER orders_revenue_rollup_ins AFTER INSERT ON orders REFERENCING NEW TABLE AS new_orders FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_on_insert()`,
  `CREATE TRIGGER orders_revenue_rollup_upd AFTER UPDATE ON orders REFERENCING OLD TABLE AS old_orders NEW TABLE AS new_orders FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_on_update()`,
  `CREATE TRIGGER orders_revenue_rollup_del AFTER DELETE ON orders REFERENCING OLD TABLE AS old_orders FOR EACH STATEMENT EXECUTE FUNCTION revenue_rollup_on_delete()`,
  // A customer whose province changes takes its revenue along. A row trigger with WHEN: the
  // many customer updates that leave the province alone (follow-ups, pool moves) never call it.
  triggerFn('revenue_rollup_on_province', apply(`
    SELECT analytics_month(coalesce(o.paid_at, o.placed_at)) AS month, p.province, o.department_id, o.owner_id, p.sign * o.total AS revenue, p.sign AS orders
      FROM orders o CROSS JOIN (VALUES (coalesce(OLD.province, ''), -1), (coalesce(NEW.province, ''), 1)) AS p(province, sign)
     WHERE o.customer_id = NEW.id AND ${revenue('o')}`)),
  `CREATE TRIGGER customers_province_revenue_rollup AFTER UPDATE OF province ON customers FOR EACH ROW
     WHEN (OLD.province IS DISTINCT FROM NEW.province) EXECUTE FUNCTION revenue_rollup_on_province()`,
  // The whole rollup from orders, for the nightly check and after bulk loads that bypass triggers.
  // EXCLUSIVE mode: order writers wait at their trigger while it runs, so no delta is lost or
  // counted twice; readers of the cube are not blocked. Returns the rows it had to correct.
  `CREATE FUNCTION revenue_rollup_rebuild() RETURNS integer LANGUAGE plpgsql AS $fn$
   DECLARE fixed integer; removed integer;
   BEGIN
     LOCK TABLE revenue_rollup IN EXCLUSIVE MODE;
     CREATE TEMP TABLE revenue_rollup_fresh ON COMMIT DROP AS
       SELECT month, province, department_id, owner_id, sum(revenue)::numeric(18,2) AS revenue, sum(orders)::int AS orders
         FROM (${contribution('orders', '')}) d GROUP BY 1, 2, 3, 4;
     DELETE FROM revenue_rollup r WHERE NOT EXISTS (SELECT 1 FROM revenue_rollup_fresh f
       WHERE f.month = r.month AND f.province = r.province AND f.department_id IS NOT DISTINCT FROM r.department_id AND f.owner_id = r.owner_id);
     GET DIAGNOSTICS removed = ROW_COUNT;
     INSERT INTO revenue_rollup AS r SELECT * FROM revenue_rollup_fresh ORDER BY 1, 2, 3, 4
       ON CONFLICT ON CONSTRAINT revenue_rollup_key DO UPDATE SET revenue = excluded.revenue, orders = excluded.orders
       WHERE (r.revenue, r.orders) IS DISTINCT FROM (excluded.revenue, excluded.orders);
     GET DIAGNOSTICS fixed = ROW_COUNT;
     DROP TABLE revenue_rollup_fresh;
     RETURN fixed + removed;
   END $fn$`,
];

/**
 * Analytics read models: the revenue rollup behind the cube (kept current by triggers on
 * orders and on a customer's province) and customer values (RFM, lifetime and referral
 * value, recomputed set-based by a job). Hand-written: TypeORM knows neither triggers nor
 * NULLS NOT DISTINCT keys.
 */
export class Analytics1795622600000 implements MigrationInterface {
  name = 'Analytics1795622600000';

  async up(q: QueryRunner): Promise<void> {
    // Months are business months in China time, like commission periods.
    await q.query(`CREATE FUNCTION analytics_month(ts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
                     AS $$ SELECT date_trunc('month', ts AT TIME ZONE 'Asia/Shanghai')::date $$`);
    await q.query(`CREATE TABLE "revenue_rollup" (
      "month" date NOT NULL, "province" character varying(50) NOT NULL DEFAULT '', "department_id" uuid, "owner_id" uuid NOT NULL,
      "revenue" numeric(18,2) NOT NULL DEFAULT '0', "orders" integer NOT NULL DEFAULT '0',
      CONSTRAINT "revenue_rollup_key" UNIQUE NULLS NOT DISTINCT ("month", "province", "department_id", "owner_id"))`);
    await q.query(`CREATE INDEX "revenue_rollup_department_idx" ON "revenue_rollup" ("department_id", "month")`);
    await q.query(`CREATE INDEX "revenue_rollup_owner_idx" ON "revenue_rollup" ("owner_id", "month")`);
    await q.query(`CREATE INDEX "revenue_rollup_empty_idx" ON "revenue_rollup" ("month") WHERE orders = 0 AND revenue = 0`);
    for (const sql of rollupFunctions) await q.query(sql);
    // The orders that exist already (a no-op on a new database).
    await q.query(`SELECT revenue_rollup_rebuild()`);

    await q.query(`CREATE TABLE "customer_values" (
      "customer_id" uuid NOT NULL, "last_order_at" TIMESTAMP WITH TIME ZONE, "frequency" integer NOT NULL DEFAULT '0', "monetary" numeric(16,2) NOT NULL DEFAULT '0',
      "r_score" smallint, "f_score" smallint, "m_score" smallint, "rfm_segment" character varying(20) NOT NULL,
      "lifetime_value" numeric(16,2) NOT NULL DEFAULT '0', "referral_count" integer NOT NULL DEFAULT '0', "referral_value" numeric(16,2) NOT NULL DEFAULT '0',
      "total_value" numeric(16,2) NOT NULL DEFAULT '0', "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_customer_values" PRIMARY KEY ("customer_id"))`);
    await q.query(`CREATE INDEX "customer_values_segment_idx" ON "customer_values" ("rfm_segment", "customer_id")`);
    await q.query(`CREATE TABLE "value_settings" (
      "id" smallint NOT NULL DEFAULT '1', "window_months" smallint NOT NULL DEFAULT '12', "referral_share_percent" numeric(5,2) NOT NULL DEFAULT '10',
      "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "run_started_at" TIMESTAMP WITH TIME ZONE, "run_finished_at" TIMESTAMP WITH TIME ZONE, "run_customers" integer, "run_changed" integer, "run_ms" integer, "run_error" character varying(500),
      CONSTRAINT "PK_value_settings" PRIMARY KEY ("id"), CONSTRAINT "value_settings_single" CHECK ("id" = 1))`);
    await q.query(`INSERT INTO "value_settings" DEFAULT VALUES`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "value_settings"`);
    await q.query(`DROP TABLE "customer_values"`);
    await q.query(`DROP TRIGGER "customers_province_revenue_rollup" ON "customers"`);
    for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER "orders_revenue_rollup_${op}" ON "orders"`);
    await q.query(`DROP FUNCTION revenue_rollup_rebuild(), revenue_rollup_on_insert(), revenue_rollup_on_update(), revenue_rollup_on_delete(), revenue_rollup_on_province()`);
    await q.query(`DROP TABLE "revenue_rollup"`);
    await q.query(`DROP FUNCTION analytics_month(timestamptz)`);
  }
}
