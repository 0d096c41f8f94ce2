import { SEGMENT_FIELDS, type SegmentConditionDto, type SegmentField, type SegmentRulesDto } from '@kehu/contracts';

/**
 * Segment rules → one SQL condition over the aliases `c` (customers), `ct` (contacts, contact
 * segments only) and `cv` (customer_values, LEFT JOINed when `usesValues`). Values are always
 * bound as named parameters, never spliced; column names come from the fixed table below.
 */
export interface CompiledRules {
  where: string;
  params: Record<string, unknown>;
  /** A condition reads customer values: join `customer_values cv`. */
  usesValues: boolean;
}

const COLUMNS: Record<Exclude<SegmentField, 'consent'>, string> = {
  province: 'c.province',
  city: 'c.city',
  industry: 'c.industry',
  grade: 'c.grade',
  lifecycleStage: 'c.lifecycle_stage',
  source: 'c.source',
  tags: 'c.tags',
  ownerId: 'c.owner_id',
  createdAt: 'c.created_at',
  lastFollowUpAt: 'c.last_follow_up_at',
  // A customer without a customer_values row has no orders and no value yet.
  rfmSegment: "coalesce(cv.rfm_segment, 'no_orders')",
  lifetimeValue: 'coalesce(cv.lifetime_value, 0)',
  totalValue: 'coalesce(cv.total_value, 0)',
  hasEmail: 'ct.emails',
  hasPhone: 'ct.phones',
  preferredChannel: 'ct.preferred_channel',
};

// Calendar days are the business's (as order filters read them).
const dayStart = (param: string, plusDays = 0) => `((CAST(:${param} AS date) + ${plusDays})::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const ago = (now: string, days: string) => `(CAST(:${now} AS timestamptz) - make_interval(days => CAST(:${days} AS int)))`;
// The contact's consents as channel bits (the customers lib keeps them from contact_consents):
// checked on the contacts index itself, no join to the consents table.
const consent = (channel: string, status: 'opted_in' | 'opted_out') => `(ct.consent_${status === 'opted_in' ? 'opt_in' : 'opt_out'} & contact_channel_bit(:${channel})) <> 0`;

function compileCondition(cond: SegmentConditionDto, p: string, params: Record<string, unknown>, nowParam: string): string {
  const { field, op } = cond;
  if (field === 'consent') {
    params[p] = cond.channel;
    if (op === 'optedIn') return consent(p, 'opted_in');
    if (op === 'optedOut') return consent(p, 'opted_out');
    return `NOT ${consent(p, 'opted_out')}`;
  }
  const col = COLUMNS[field];
  switch (op) {
    case 'in':
      params[p] = cond.values;
      return field === 'ownerId' ? `${col} = ANY(CAST(:${p} AS uuid[]))` : `${col} = ANY(CAST(:${p} AS text[]))`;
    case 'notIn':
      params[p] = cond.values;
      return `(${col} IS NULL OR ${col} <> ALL(CAST(:${p} AS text[])))`;
    case 'hasAny':
      params[p] = cond.values;
      return `${col} && CAST(:${p} AS text[])`;
    case 'none':
      return `${col} IS NULL`;
    case 'before':
      params[p] = cond.date;
      return `${col} < ${dayStart(p)}`;
    case 'after':
      params[p] = cond.date;
      return `${col} >= ${dayStart(p, 1)}`;
    case 'withinDays':
      params[p] = cond.days;
      return `${col} >= ${ago(nowParam, p)}`;
    case 'notWithinDays':
      params[p] = cond.days;
      // Never followed up is "not followed up within N days" too.
      return `(${col} IS NULL OR ${col} < ${ago(nowParam, p)})`;
    case 'gte':
      params[p] = cond.amount;
      return `${col} >= CAST(:${p} AS numeric)`;
    case 'lte':
      params[p] = cond.amount;
      return `${col} <= CAST(:${p} AS numeric)`;
    case 'is':
      return cond.flag ? `cardinality(${col}) > 0` : `cardinality(${col}) = 0`;
    default:
      throw new Error(`operator ${op} not compiled for ${field}`);
  }
}

/** `now` anchors withinDays / notWithinDays (the app clock, so tests can move time). */
export function compileSegmentRules(rules: SegmentRulesDto, now: Date): CompiledRules {
  const params: Record<string, unknown> = { sg_now: now.toISOString() };
  const parts = rules.conditions.map((cond, i) => compileCondition(cond, `sg_${i}`, params, 'sg_now'));
  const usesValues = rules.conditions.some((c) => SEGMENT_FIELDS[c.field].group === 'value');
  if (!parts.length) return { where: 'TRUE', params, usesValues };
  return { where: `(${parts.join(rules.match === 'any' ? ' OR ' : ' AND ')})`, params, usesValues };
}
