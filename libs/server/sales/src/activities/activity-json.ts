import { columnsJsonSql } from '@kehu/server-core';

// In ActivityDto's order; every field is its column in camelCase.
const COLUMNS = [
  'id', 'type', 'channel', 'subject', 'body', 'outcome', 'occurred_at', 'duration_minutes', 'participants', 'customer_id', 'contact_id', 'lead_id',
  'opportunity_id', 'owner_id', 'department_id', 'due_at', 'reminder_at', 'done', 'done_at', 'created_at', 'updated_at', 'created_by', 'version',
] as const;
const TIMESTAMPS = ['occurred_at', 'due_at', 'reminder_at', 'done_at', 'created_at', 'updated_at'];

/** The ActivityDto of a customer follow-up `alias`, built by PostgreSQL: field for field toActivityDto (parity test in activities.e2e-spec). */
export const activityJson = (alias: string): string => columnsJsonSql(alias, COLUMNS, TIMESTAMPS);
