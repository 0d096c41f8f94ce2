import { SEGMENT_FIELDS, SEGMENT_OPERANDS, segmentFieldsFor, type SegmentConditionDto, type SegmentField, type SegmentOperator, type SegmentRulesDto, type SegmentTargetType } from '@kehu/contracts';

/** One row of the rule builder while it is edited: every operand slot, so switching operators keeps nothing stale. */
export interface ConditionDraft {
  field: SegmentField | '';
  op: SegmentOperator | '';
  values: string[];
  date: string;
  days: number | undefined;
  amount: number | undefined;
  flag: boolean;
  channel: string;
}

export const blankCondition = (): ConditionDraft => ({ field: '', op: '', values: [], date: '', days: undefined, amount: undefined, flag: true, channel: '' });

/** Fields of a target, grouped as the field select shows them. */
export function fieldGroups(target: SegmentTargetType): { group: string; fields: SegmentField[] }[] {
  const fields = segmentFieldsFor(target);
  return (['customer', 'value', 'contact'] as const).map((group) => ({ group, fields: fields.filter((f) => SEGMENT_FIELDS[f].group === group) })).filter((g) => g.fields.length);
}

export const operatorsOf = (field: SegmentField | ''): readonly SegmentOperator[] => (field ? SEGMENT_FIELDS[field].ops : []);

/** The closed set of values a list field offers (grades, stages…), 'uuid' for people, null for free text. */
export function valueOptions(field: SegmentField | ''): readonly string[] | 'uuid' | null {
  if (!field) return null;
  const rule = SEGMENT_FIELDS[field] as { values?: readonly string[] | 'uuid' };
  return rule.values ?? null;
}

/** After the field changes: its first operator, operands cleared. */
export function withField(draft: ConditionDraft, field: SegmentField): ConditionDraft {
  return { ...blankCondition(), field, op: SEGMENT_FIELDS[field].ops[0] };
}

/** The condition as the API takes it, or null while it is incomplete (the live count skips it). */
export function toCondition(d: ConditionDraft): SegmentConditionDto | null {
  if (!d.field || !d.op || !(SEGMENT_FIELDS[d.field].ops as readonly string[]).includes(d.op)) return null;
  const base = { field: d.field, op: d.op } as SegmentConditionDto;
  switch (SEGMENT_OPERANDS[d.op]) {
    case 'values':
      return d.values.length ? { ...base, values: [...d.values] } : null;
    case 'date':
      return d.date ? { ...base, date: d.date } : null;
    case 'days':
      return d.days && d.days >= 1 ? { ...base, days: d.days } : null;
    case 'amount':
      return d.amount !== undefined && d.amount !== null && d.amount >= 0 ? { ...base, amount: d.amount } : null;
    case 'flag':
      return { ...base, flag: d.flag };
    case 'channel':
      return d.channel ? { ...base, channel: d.channel as SegmentConditionDto['channel'] } : null;
    default:
      return base;
  }
}

/** A saved condition back into an editable row. */
export function toDraft(c: SegmentConditionDto): ConditionDraft {
  return { ...blankCondition(), field: c.field, op: c.op, values: c.values ?? [], date: c.date ?? '', days: c.days, amount: c.amount, flag: c.flag ?? true, channel: c.channel ?? '' };
}

/** The rules of the complete rows (incomplete ones are left out until filled in). */
export function toRules(match: SegmentRulesDto['match'], drafts: ConditionDraft[]): SegmentRulesDto {
  return { match, conditions: drafts.map(toCondition).filter((c): c is SegmentConditionDto => c !== null) };
}

/** Rows that are started but not finished: saving waits for them. */
export const incompleteRows = (drafts: ConditionDraft[]): number[] => drafts.flatMap((d, i) => (d.field && toCondition(d) === null ? [i] : []));
