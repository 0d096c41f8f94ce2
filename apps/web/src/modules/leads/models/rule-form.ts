import { AssignmentStrategy, AssignmentTargetType, type AssignmentRuleDto, type CreateAssignmentRuleDto, type CustomerSource, type UpdateAssignmentRuleDto } from '@kehu/contracts';

export interface RuleFormValues {
  name: string;
  active: boolean;
  provinces: string[];
  cities: string[];
  industries: string[];
  sources: CustomerSource[];
  targetType: AssignmentTargetType;
  targetUserId: string;
  targetTeamId: string;
  strategy: AssignmentStrategy;
  maxOpenLeads: number | null;
}

export const emptyRule = (): RuleFormValues => ({
  name: '',
  active: true,
  provinces: [],
  cities: [],
  industries: [],
  sources: [],
  targetType: AssignmentTargetType.USER,
  targetUserId: '',
  targetTeamId: '',
  strategy: AssignmentStrategy.ROUND_ROBIN,
  maxOpenLeads: null,
});

export const ruleForm = (rule: AssignmentRuleDto): RuleFormValues => ({
  name: rule.name,
  active: rule.active,
  provinces: [...rule.provinces],
  cities: [...rule.cities],
  industries: [...rule.industries],
  sources: [...rule.sources],
  targetType: rule.targetType,
  targetUserId: rule.targetUserId ?? '',
  targetTeamId: rule.targetTeamId ?? '',
  strategy: rule.strategy ?? AssignmentStrategy.ROUND_ROBIN,
  maxOpenLeads: rule.maxOpenLeads,
});

/** The target stays consistent: a user rule sends only the user; a team rule the team and strategy. */
export function ruleBody(values: RuleFormValues, editing: boolean): CreateAssignmentRuleDto | UpdateAssignmentRuleDto {
  const user = values.targetType === AssignmentTargetType.USER;
  const common = {
    name: values.name.trim(),
    active: values.active,
    provinces: values.provinces.map((v) => v.trim()).filter(Boolean),
    cities: values.cities.map((v) => v.trim()).filter(Boolean),
    industries: values.industries.map((v) => v.trim()).filter(Boolean),
    sources: values.sources,
    targetType: values.targetType,
  };
  if (editing) {
    return {
      ...common,
      targetUserId: user ? values.targetUserId || undefined : null,
      targetTeamId: user ? null : values.targetTeamId || undefined,
      strategy: user ? null : values.strategy,
      maxOpenLeads: values.maxOpenLeads,
    } as UpdateAssignmentRuleDto;
  }
  return {
    ...common,
    ...(user ? { targetUserId: values.targetUserId || undefined } : { targetTeamId: values.targetTeamId || undefined, strategy: values.strategy }),
    ...(values.maxOpenLeads !== null ? { maxOpenLeads: values.maxOpenLeads } : {}),
  } as CreateAssignmentRuleDto;
}

/** The ids after moving one rule from `from` to `to` (drag or arrows). */
export function reordered(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length || from === to) return next;
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}
