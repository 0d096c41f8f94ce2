import type { GradingConditionDto } from '@kehu/contracts';

export interface RuleRow {
  grade: string;
  conditions: GradingConditionDto[];
}

/**
 * Builds the set-based grading query: per target customer the metrics the rules need
 * (revenue / order count per distinct window, open pipeline) from two GROUP BYs, then one
 * CASE with a WHEN per rule in order (first match wins). Values go in as parameters; the
 * only text spliced in are column aliases made from integers.
 * $1 = now (the Clock), $2 = default grade or null, $3 = customer ids or null (= all).
 */
export function gradingQuery(rules: RuleRow[]): { select: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length + 3}`;
  };
  const windows = [...new Set(rules.flatMap((r) => r.conditions.filter((c) => c.type === 'revenue' || c.type === 'orderCount').map((c) => c.months ?? 12)))];
  const orderAggs = windows.flatMap((n) => [
    `coalesce(sum(o.total) FILTER (WHERE coalesce(o.paid_at, o.placed_at) >= $1::timestamptz - interval '${n} months'), 0) AS rev_${n}`,
    `count(*) FILTER (WHERE coalesce(o.paid_at, o.placed_at) >= $1::timestamptz - interval '${n} months') AS cnt_${n}`,
  ]);
  const cond = (c: GradingConditionDto): string => {
    switch (c.type) {
      case 'revenue':
        return `coalesce(om.rev_${c.months ?? 12}, 0) >= ${p(c.min ?? 0)}::numeric`;
      case 'orderCount':
        return `coalesce(om.cnt_${c.months ?? 12}, 0) >= ${p(c.min ?? 0)}::numeric`;
      case 'openPipeline':
        return `coalesce(pm.pipeline, 0) >= ${p(c.min ?? 0)}::numeric`;
      case 'industry':
        return `t.industry = ANY(${p(c.values ?? [])}::text[])`;
      case 'customField':
        return `t.custom_fields ->> ${p(c.key ?? '')} = ${p(c.value ?? '')}`;
      default:
        return 'false';
    }
  };
  const whens = rules.map((r) => `WHEN ${r.conditions.map(cond).join(' AND ')} THEN ${p(r.grade)}`).join(' ');
  // Without a revenue / order-count rule nothing else mentions $1 (now), and Postgres refuses a
  // parameter whose type it cannot infer (42P18): the empty order join names it with its type.
  const select = `
    SELECT t.id, t.grade AS old_grade, ${whens ? `CASE ${whens} ELSE coalesce($2::varchar, t.grade) END` : 'coalesce($2::varchar, t.grade)'} AS new_grade
      FROM target t
      ${orderAggs.length ? `LEFT JOIN (SELECT o.customer_id, ${orderAggs.join(', ')} FROM orders o JOIN target tt ON tt.id = o.customer_id
                  WHERE o.deleted_at IS NULL AND o.status IN ('paid', 'shipped', 'delivered') GROUP BY o.customer_id) om ON om.customer_id = t.id` : 'LEFT JOIN (SELECT NULL::uuid AS customer_id, $1::timestamptz AS now) om ON false'}
      LEFT JOIN (SELECT x.customer_id, sum(x.amount) AS pipeline FROM opportunities x JOIN target tt ON tt.id = x.customer_id
                  WHERE x.deleted_at IS NULL AND x.status = 'open' GROUP BY x.customer_id) pm ON pm.customer_id = t.id`;
  return { select, params };
}
