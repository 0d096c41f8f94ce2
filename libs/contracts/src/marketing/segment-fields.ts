import { ContactChannel } from '../customers/contact.enums';
import { CustomerGrade, CustomerSource, LifecycleStage } from '../customers/customer.enums';
import { RfmSegment } from '../analytics/value.enums';

/**
 * What a segment condition may say, shared by the API (validation, SQL) and the SPA (the
 * rule builder's field → operator → value inputs): one table, so the two cannot drift.
 */
export const SEGMENT_TARGET_TYPES = ['customer', 'contact'] as const;
export type SegmentTargetType = (typeof SEGMENT_TARGET_TYPES)[number];

export const SEGMENT_MATCHES = ['all', 'any'] as const;
export type SegmentMatch = (typeof SEGMENT_MATCHES)[number];

/** RFM segments as analytics computes them (RfmSegment, libs/contracts/src/analytics); a customer without orders (or not yet scored) is `no_orders`. */
export const RFM_SEGMENTS = Object.values(RfmSegment) as RfmSegment[];

export const SEGMENT_OPERATORS = ['in', 'notIn', 'hasAny', 'none', 'before', 'after', 'withinDays', 'notWithinDays', 'gte', 'lte', 'is', 'optedIn', 'optedOut', 'notOptedOut'] as const;
export type SegmentOperator = (typeof SEGMENT_OPERATORS)[number];

/** Which property of a condition carries the operand of an operator (none for `none`). */
export type SegmentOperand = 'values' | 'date' | 'days' | 'amount' | 'flag' | 'channel' | null;
export const SEGMENT_OPERANDS: Record<SegmentOperator, SegmentOperand> = {
  in: 'values',
  notIn: 'values',
  hasAny: 'values',
  none: null,
  before: 'date',
  after: 'date',
  withinDays: 'days',
  notWithinDays: 'days',
  gte: 'amount',
  lte: 'amount',
  is: 'flag',
  optedIn: 'channel',
  optedOut: 'channel',
  notOptedOut: 'channel',
};

export interface SegmentFieldRule {
  /** customer: master data; value: analytics' customer values; contact: contact segments only. */
  group: 'customer' | 'value' | 'contact';
  ops: readonly SegmentOperator[];
  /** Allowed list values: a closed set, or uuids (people); free text when absent. */
  values?: readonly string[] | 'uuid';
}

const dateOps = ['before', 'after', 'withinDays', 'notWithinDays'] as const;
const listOps = ['in', 'notIn'] as const;

export const SEGMENT_FIELDS = {
  province: { group: 'customer', ops: listOps },
  city: { group: 'customer', ops: listOps },
  industry: { group: 'customer', ops: listOps },
  grade: { group: 'customer', ops: listOps, values: Object.values(CustomerGrade) },
  lifecycleStage: { group: 'customer', ops: listOps, values: Object.values(LifecycleStage) },
  source: { group: 'customer', ops: listOps, values: Object.values(CustomerSource) },
  tags: { group: 'customer', ops: ['hasAny'] },
  /** `none`: no owner, i.e. waiting in the public pool (公海). */
  ownerId: { group: 'customer', ops: ['in', 'none'], values: 'uuid' },
  createdAt: { group: 'customer', ops: dateOps },
  /** `notWithinDays` and `before` … a customer never followed up counts as not followed up within N days. */
  lastFollowUpAt: { group: 'customer', ops: dateOps },
  rfmSegment: { group: 'value', ops: listOps, values: RFM_SEGMENTS },
  lifetimeValue: { group: 'value', ops: ['gte', 'lte'] },
  totalValue: { group: 'value', ops: ['gte', 'lte'] },
  hasEmail: { group: 'contact', ops: ['is'] },
  hasPhone: { group: 'contact', ops: ['is'] },
  preferredChannel: { group: 'contact', ops: listOps, values: Object.values(ContactChannel) },
  /** optedIn / optedOut: the contact said so for `channel`; notOptedOut: anything but an opt-out (unknown included). */
  consent: { group: 'contact', ops: ['optedIn', 'optedOut', 'notOptedOut'] },
} as const satisfies Record<string, SegmentFieldRule>;

export type SegmentField = keyof typeof SEGMENT_FIELDS;
export const SEGMENT_FIELD_NAMES = Object.keys(SEGMENT_FIELDS) as SegmentField[];

/** The fields a segment of this target may use: contact fields only for contact segments. */
export const segmentFieldsFor = (target: SegmentTargetType): SegmentField[] =>
  SEGMENT_FIELD_NAMES.filter((f) => target === 'contact' || SEGMENT_FIELDS[f].group !== 'contact');

export const SegmentLimits = {
  conditionsMax: 20,
  valuesMax: 200,
  valueMaxLength: 100,
  nameMaxLength: 100,
  descriptionMaxLength: 500,
  daysMax: 3650,
  amountMax: 9_999_999_999_999,
} as const;
