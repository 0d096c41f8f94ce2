/** What a case (工单) is about: a service request, complaint, dispute, return or field job. */
export enum CaseType {
  REQUEST = 'request',
  COMPLAINT = 'complaint',
  DISPUTE = 'dispute',
  RETURN = 'return',
  FIELD_JOB = 'field_job',
}

export enum CasePriority {
  LOW = 'low',
  NORMAL = 'normal',
  HIGH = 'high',
  URGENT = 'urgent',
}

/**
 * new → open (first reply or taken up) → pending (waiting for the customer: the resolution
 * clock stops) → resolved → closed (by hand, or by the SLA job after the policy's
 * auto-close days). resolved / closed cases may be reopened (counted: reopen rate).
 */
export enum CaseStatus {
  NEW = 'new',
  OPEN = 'open',
  PENDING = 'pending',
  RESOLVED = 'resolved',
  CLOSED = 'closed',
}

/** Where the customer raised it. */
export enum CaseChannel {
  PHONE = 'phone',
  EMAIL = 'email',
  WEB = 'web',
  WECHAT = 'wechat',
  PORTAL = 'portal',
  VISIT = 'visit',
  OTHER = 'other',
}

/** One entry of a case's history. */
export enum CaseEventKind {
  CREATED = 'created',
  /** A reply to the customer (counts as the first response). */
  REPLY = 'reply',
  /** An internal note, not seen by the customer, stops no clock. */
  NOTE = 'note',
  STATUS = 'status',
  ASSIGNED = 'assigned',
  UPDATED = 'updated',
  RESOLVED = 'resolved',
  REOPENED = 'reopened',
  CLOSED = 'closed',
  SATISFACTION = 'satisfaction',
  /** A technician's visit was booked, completed or cancelled (data: workOrderId, number, status). */
  WORK_ORDER = 'work_order',
  RESPONSE_BREACHED = 'response_breached',
  RESOLUTION_BREACHED = 'resolution_breached',
}

/** An SLA clock as the list shows it: running, met, breached, paused (pending) or stopped before a breach. */
export enum SlaClockState {
  RUNNING = 'running',
  AT_RISK = 'at_risk',
  MET = 'met',
  BREACHED = 'breached',
  PAUSED = 'paused',
}
