/** What kind of follow-up (跟进记录) this is; `task` is a to-do with a due date. */
export enum ActivityType {
  CALL = 'call',
  VISIT = 'visit',
  MEETING = 'meeting',
  EMAIL = 'email',
  NOTE = 'note',
  TASK = 'task',
}

/** The channel the customer was reached through (one timeline across channels, seed 001/003). */
export enum ActivityChannel {
  PHONE = 'phone',
  WECHAT = 'wechat',
  EMAIL = 'email',
  VISIT = 'visit',
  WEB = 'web',
  FAX = 'fax',
  PARTNER = 'partner',
  PORTAL = 'portal',
  OTHER = 'other',
}

/** Which of the caller's open tasks `listMyTasks` returns. */
export enum TaskWindow {
  /** Due on the caller's current calendar day (in `tz`), including hours already past. */
  TODAY = 'today',
  /** Due before now. */
  OVERDUE = 'overdue',
  /** Due after today, or without a due date. */
  UPCOMING = 'upcoming',
}
