/** Where a lead (线索) stands; `converted` is set only by the convert action. */
export enum LeadStatus {
  NEW = 'new',
  CONTACTED = 'contacted',
  QUALIFIED = 'qualified',
  /** Needs `disqualifiedReason`. */
  DISQUALIFIED = 'disqualified',
  CONVERTED = 'converted',
}

/** Statuses that count as open work (the queue, per-user caps, least-loaded). */
export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = [LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED];

/** What a likely duplicate of a lead is. */
export enum LeadDuplicateKind {
  LEAD = 'lead',
  CUSTOMER = 'customer',
  CONTACT = 'contact',
}

/** Who an assignment rule gives its leads to. */
export enum AssignmentTargetType {
  USER = 'user',
  TEAM = 'team',
}

/** How a team rule picks the member. */
export enum AssignmentStrategy {
  /** In turn, by a cursor stored on the rule. */
  ROUND_ROBIN = 'round_robin',
  /** The member with the fewest open leads. */
  LEAST_LOADED = 'least_loaded',
}
