/** What an import file holds. */
export enum ImportEntity {
  CUSTOMER = 'customer',
  LEAD = 'lead',
}

export enum ImportStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
}

/** What a row that matches an existing record does. */
export enum ImportDuplicateMode {
  /** Leave the existing record alone and count the row as skipped. */
  SKIP = 'skip',
  /** Update the existing record (in your scope) with the row's non-empty values. */
  UPDATE = 'update',
  /** Create a new record anyway. */
  CREATE = 'create',
}
