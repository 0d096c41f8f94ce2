import type { ActivityChannel, ActivityDto, ActivityType } from '@kehu/contracts';
import type { Activity } from './activity.entity';
import type { LeadActivity } from './lead-activity.entity';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** A customer's follow-up, or one still on a lead (no customer, no contact yet). */
export function toActivityDto(a: Activity | LeadActivity): ActivityDto {
  const onCustomer = 'customerId' in a;
  return {
    id: a.id,
    type: a.type as ActivityType,
    channel: a.channel as ActivityChannel,
    subject: a.subject,
    body: a.body,
    outcome: a.outcome,
    occurredAt: a.occurredAt.toISOString(),
    durationMinutes: a.durationMinutes,
    participants: a.participants,
    customerId: onCustomer ? a.customerId : null,
    contactId: onCustomer ? a.contactId : null,
    leadId: a.leadId,
    opportunityId: a.opportunityId,
    ownerId: a.ownerId,
    departmentId: a.departmentId,
    dueAt: iso(a.dueAt),
    reminderAt: iso(a.reminderAt),
    done: a.done,
    doneAt: iso(a.doneAt),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    createdBy: a.createdBy,
    version: a.version,
  };
}
