/**
 * Every commission line of a month for a set of developers (customers.developer_id: the
 * rep who brought the customer in keeps the credit across pool moves and reassignments).
 * Months and effective dates are read in Asia/Shanghai. Half-open windows everywhere:
 * [month start, next month start), [customer created, created + N months).
 *
 * - bonus, trigger customer_created: the customer was created in the month;
 * - bonus, trigger first_paid_order: the customer's first paid order (paid, shipped or
 *   delivered; not cancelled or returned) was paid in the month;
 * - percentage: each order of the customer paid in the month, in the rule's currency, still
 *   paid/shipped/delivered, paid within N months of the customer's creation; the line is
 *   round(total × rate / 100, 2) (half away from zero: half up for these positive amounts).
 * A rule counts when the event's day lies in [effectiveFrom, effectiveTo]. Deleted and
 * merged-away customers and deleted orders never count.
 *
 * $1 = developer ids (uuid[]), $2 = 'YYYY-MM', $3 = currency.
 */
export const COMMISSION_LINES_SQL = `
WITH bounds AS (
  SELECT (($2 || '-01')::timestamp AT TIME ZONE 'Asia/Shanghai') AS start_at,
         ((($2 || '-01')::timestamp + interval '1 month') AT TIME ZONE 'Asia/Shanghai') AS end_at
),
rules AS (SELECT * FROM commission_rules WHERE deleted_at IS NULL AND currency = $3),
devs AS (
  SELECT c.id, c.developer_id, c.created_at FROM customers c
   WHERE c.developer_id = ANY($1::uuid[]) AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
),
paid AS (
  SELECT o.id, o.number, o.customer_id, o.total, o.currency, o.paid_at FROM orders o JOIN devs d ON d.id = o.customer_id
   WHERE o.deleted_at IS NULL AND o.paid_at IS NOT NULL AND o.status IN ('paid', 'shipped', 'delivered')
),
first_paid AS (SELECT customer_id, min(paid_at) AS paid_at FROM paid GROUP BY customer_id)
SELECT d.developer_id AS "userId", 'bonus' AS kind, r.id AS "ruleId", d.id AS "customerId", NULL::uuid AS "orderId",
       NULL::numeric AS "basisAmount", NULL::numeric AS "ratePercent", r.bonus_amount AS "bonusAmount", r.bonus_amount AS amount,
       CASE r.bonus_trigger WHEN 'first_paid_order' THEN fp.paid_at ELSE d.created_at END AS "occurredAt"
  FROM devs d CROSS JOIN bounds b
  JOIN rules r ON r.bonus_amount IS NOT NULL
  LEFT JOIN first_paid fp ON fp.customer_id = d.id
 WHERE CASE r.bonus_trigger WHEN 'first_paid_order' THEN fp.paid_at ELSE d.created_at END >= b.start_at
   AND CASE r.bonus_trigger WHEN 'first_paid_order' THEN fp.paid_at ELSE d.created_at END < b.end_at
   AND ((CASE r.bonus_trigger WHEN 'first_paid_order' THEN fp.paid_at ELSE d.created_at END) AT TIME ZONE 'Asia/Shanghai')::date BETWEEN r.effective_from AND coalesce(r.effective_to, 'infinity'::date)
UNION ALL
SELECT d.developer_id, 'percentage', r.id, d.id, p.id,
       p.total, r.rate_percent, NULL::numeric, round(p.total * r.rate_percent / 100, 2), p.paid_at
  FROM paid p JOIN devs d ON d.id = p.customer_id CROSS JOIN bounds b
  JOIN rules r ON r.rate_percent IS NOT NULL AND r.months IS NOT NULL AND r.currency = p.currency
 WHERE p.paid_at >= b.start_at AND p.paid_at < b.end_at
   AND p.paid_at >= d.created_at
   AND p.paid_at < ((d.created_at AT TIME ZONE 'Asia/Shanghai') + make_interval(months => r.months)) AT TIME ZONE 'Asia/Shanghai'
   AND (p.paid_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN r.effective_from AND coalesce(r.effective_to, 'infinity'::date)
`;
