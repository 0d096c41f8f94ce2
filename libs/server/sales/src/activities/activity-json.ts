import { isoTimestampSql as iso, jsonObjectSql } from '@kehu/server-core';

/** The ActivityDto of a customer follow-up `alias`, built by PostgreSQL: field for field toActivityDto (parity test in activities.e2e-spec). */
export function activityJson(alias: string): string {
  const a = (column: string) => `${alias}.${column}`;
  return jsonObjectSql([
    ['id', a('id')],
    ['type', a('type')],
    ['channel', a('channel')],
    ['subject', a('subject')],
    ['body', a('body')],
    ['outcome', a('outcome')],
    ['occurredAt', iso(a('occurred_at'))],
    ['durationMinutes', a('duration_minutes')],
    ['participants', a('participants')],
    ['customerId', a('customer_id')],
    ['contactId', a('contact_id')],
    ['leadId', a('lead_id')],
    ['opportunityId', a('opportunity_id')],
    ['ownerId', a('owner_id')],
    ['departmentId', a('department_id')],
    ['dueAt', iso(a('due_at'))],
    ['reminderAt', iso(a('reminder_at'))],
    ['done', a('done')],
    ['doneAt', iso(a('done_at'))],
    ['createdAt', iso(a('created_at'))],
    ['updatedAt', iso(a('updated_at'))],
    ['createdBy', a('created_by')],
    ['version', a('version')],
  ]);
}
