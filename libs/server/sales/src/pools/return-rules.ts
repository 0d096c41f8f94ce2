import { PoolReturnRuleKind, type PoolReturnRuleDto, type PoolRulesDto } from '@kehu/contracts';

/** The routing facts of one enabled pool: which owned customers return to it. */
export interface PoolRoute {
  id: string;
  isDefault: boolean;
  departmentId: string | null;
  rules: PoolRulesDto;
}

/** Collects positional parameters while SQL text is built. */
export class Params {
  readonly values: unknown[] = [];
  constructor(start: unknown[] = []) {
    this.values.push(...start);
  }
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

const int = (n: number) => String(Math.trunc(Number(n)));

/** The time a rule counts its days from (matches the partial expression indexes of the migration). */
export function baseExpression(kind: PoolReturnRuleKind): string {
  return kind === PoolReturnRuleKind.NO_FOLLOW_UP ? 'greatest(c.last_follow_up_at, c.claimed_at, c.created_at)' : 'coalesce(c.claimed_at, c.created_at)';
}

/** The rule's days for the customer's grade (validated integers, inlined). */
export function daysExpression(rule: PoolReturnRuleDto): string {
  const grades = Object.entries(rule.gradeDays ?? {}).filter(([, d]) => typeof d === 'number');
  if (!grades.length) return int(rule.days);
  return `(CASE c.grade ${grades.map(([g, d]) => `WHEN '${g.replace(/[^A-D]/g, '')}' THEN ${int(d as number)}`).join(' ')} ELSE ${int(rule.days)} END)`;
}

const minDays = (rule: PoolReturnRuleDto) => Math.min(rule.days, ...Object.values(rule.gradeDays ?? {}).filter((d): d is number => typeof d === 'number'));

/**
 * Which owned customers belong to `pool` for returning: their own pool when it is enabled,
 * else their department's pool, else the default pool.
 */
export function routeCondition(pool: PoolRoute, all: PoolRoute[], p: Params): string {
  const enabled = p.add(all.map((x) => x.id));
  const viaFallback: string[] = [];
  if (pool.departmentId) viaFallback.push(`c.department_id = ${p.add(pool.departmentId)}`);
  if (pool.isDefault) {
    const depts = all.map((x) => x.departmentId).filter((d): d is string => !!d);
    viaFallback.push(`(c.department_id IS NULL OR c.department_id <> ALL(${p.add(depts)}::uuid[]))`);
  }
  const own = `c.pool_id = ${p.add(pool.id)}`;
  if (!viaFallback.length) return own;
  return `(${own} OR ((c.pool_id IS NULL OR c.pool_id <> ALL(${enabled}::uuid[])) AND (${viaFallback.join(' OR ')})))`;
}

/**
 * The SQL predicate "customer c is due under `rule` of `pool` at `at`" (owned, unlocked,
 * live, not exempt, routed to this pool), plus the due-time expression.
 * `at` is a parameter placeholder holding a timestamptz.
 */
export function rulePredicate(pool: PoolRoute, all: PoolRoute[], rule: PoolReturnRuleDto, at: string, p: Params): { where: string; dueAt: string } {
  const base = baseExpression(rule.kind);
  const dueAt = `(${base} + make_interval(days => ${daysExpression(rule)}))`;
  const parts = [
    'c.owner_id IS NOT NULL',
    'c.locked_at IS NULL',
    'c.deleted_at IS NULL',
    // Same expression as the partial index: lets the planner range-scan before the exact per-grade test.
    `${base} <= ${at}::timestamptz - make_interval(days => ${int(minDays(rule))})`,
    `${dueAt} <= ${at}::timestamptz`,
    routeCondition(pool, all, p),
  ];
  const exempt = pool.rules.exemptGrades ?? [];
  if (exempt.length) parts.push(`(c.grade IS NULL OR c.grade <> ALL(${p.add(exempt)}::varchar[]))`);
  const opp = (cond: string) => `NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.customer_id = c.id AND o.deleted_at IS NULL AND ${cond})`;
  if (!rule.includeWon) parts.push(opp(`o.status = 'won'`));
  if (!rule.includeOpenOpportunities) parts.push(opp(`o.status = 'open'`));
  if (rule.kind === PoolReturnRuleKind.NO_NEW_OPPORTUNITY) parts.push(opp(`o.created_at >= ${base}`));
  if (rule.kind === PoolReturnRuleKind.NOT_WON) parts.push(opp(`o.status = 'won' AND o.won_at >= ${base}`));
  return { where: parts.join(' AND '), dueAt };
}

/** The reason code stored for a return by this rule. */
export const ruleReasonCode = (kind: PoolReturnRuleKind) => `rule.${kind}`;

/** The rule's days for a grade (what the reason text names). */
export function daysFor(rule: PoolReturnRuleDto, grade: string | null): number {
  const g = grade ? (rule.gradeDays as Record<string, number | undefined> | undefined)?.[grade] : undefined;
  return g ?? rule.days;
}
