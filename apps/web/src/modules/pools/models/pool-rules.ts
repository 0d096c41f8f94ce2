import { PoolReturnRuleKind, type BatchClaimResultDto, type OwnershipReasonDto, type PoolQuotaDto, type PoolRulesDto } from '@kehu/contracts';

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
export const RULE_KINDS = [PoolReturnRuleKind.NO_FOLLOW_UP, PoolReturnRuleKind.NO_NEW_OPPORTUNITY, PoolReturnRuleKind.NOT_WON] as const;

/** One return rule as the settings form edits it: every kind is listed, switched on or off. */
export interface RuleForm {
  kind: PoolReturnRuleKind;
  enabled: boolean;
  days: number;
  gradeDays: Record<Grade, number | null>;
  includeWon: boolean;
  includeOpenOpportunities: boolean;
}

export interface RulesForm {
  rules: RuleForm[];
  exemptGrades: Grade[];
  reminderDays: number | null;
  dailyClaimLimit: number | null;
  reclaimCooldownDays: number | null;
  claimWaitDays: number | null;
}

const DEFAULT_DAYS: Record<PoolReturnRuleKind, number> = { noFollowUp: 30, noNewOpportunity: 60, notWon: 90 };

/** The form for a pool's stored rules (kinds not in use start switched off with sensible days). */
export function rulesFormFrom(dto: PoolRulesDto | undefined): RulesForm {
  const stored = dto?.returnRules ?? [];
  return {
    rules: RULE_KINDS.map((kind) => {
      const r = stored.find((x) => x.kind === kind);
      const grades = (r?.gradeDays ?? {}) as Partial<Record<Grade, number>>;
      return {
        kind,
        enabled: !!r,
        days: r?.days ?? DEFAULT_DAYS[kind],
        gradeDays: Object.fromEntries(GRADES.map((g) => [g, grades[g] ?? null])) as Record<Grade, number | null>,
        includeWon: r?.includeWon ?? false,
        includeOpenOpportunities: r?.includeOpenOpportunities ?? false,
      };
    }),
    exemptGrades: [...((dto?.exemptGrades ?? []) as Grade[])],
    reminderDays: dto?.reminderDays ?? null,
    dailyClaimLimit: dto?.dailyClaimLimit ?? null,
    reclaimCooldownDays: dto?.reclaimCooldownDays ?? null,
    claimWaitDays: dto?.claimWaitDays ?? null,
  };
}

/** What the API stores: only switched-on rules, grade days only where set, limits only when set. */
export function rulesDtoFrom(form: RulesForm): PoolRulesDto {
  const out: PoolRulesDto = {
    returnRules: form.rules
      .filter((r) => r.enabled)
      .map((r) => {
        const gradeDays = Object.fromEntries(Object.entries(r.gradeDays).filter(([, d]) => d !== null && d !== undefined && d > 0));
        return {
          kind: r.kind,
          days: r.days,
          ...(Object.keys(gradeDays).length ? { gradeDays } : {}),
          ...(r.includeWon ? { includeWon: true } : {}),
          ...(r.includeOpenOpportunities ? { includeOpenOpportunities: true } : {}),
        };
      }),
    exemptGrades: [...form.exemptGrades] as PoolRulesDto['exemptGrades'],
  };
  for (const key of ['reminderDays', 'dailyClaimLimit', 'reclaimCooldownDays', 'claimWaitDays'] as const) {
    const v = form[key];
    if (v !== null && v !== undefined && v > 0) out[key] = v;
  }
  return out;
}

/** The reason in the user's language (the API renders both). */
export const reasonText = (reason: OwnershipReasonDto | null | undefined, locale: string): string => (reason ? (locale.startsWith('zh') ? reason.zh : reason.en) : '');

/** Null when the customer can be claimed now, else the ISO time it can. */
export function claimableFrom(row: { claimableFrom: string | null }, now: Date): string | null {
  return row.claimableFrom && new Date(row.claimableFrom) > now ? row.claimableFrom : null;
}

/** Claims left today and places left in the capacity (null = no limit). */
export function quotaLeft(quota: PoolQuotaDto | null): { claims: number | null; capacity: number | null } {
  if (!quota) return { claims: null, capacity: null };
  return {
    claims: quota.dailyClaimLimit === null ? null : Math.max(0, quota.dailyClaimLimit - quota.claimedToday),
    capacity: quota.maxOwned === null ? null : Math.max(0, quota.maxOwned - quota.owned),
  };
}

/** Refusals of a batch claim grouped by error code, most frequent first. */
export function refusalsByCode(result: BatchClaimResultDto): { code: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of result.results) if (!r.claimed) counts.set(r.code ?? 'UNKNOWN', (counts.get(r.code ?? 'UNKNOWN') ?? 0) + 1);
  return [...counts.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count);
}
