import type { EntityManager } from 'typeorm';
import { followUpTimeSql } from './last-follow-up';

/** Where a converted lead's follow-ups go. */
export interface LeadActivitiesTarget {
  customerId: string;
  contactId: string;
  /** Follow-ups without an opportunity of their own get this one. */
  opportunityId: string | null;
}

const shared = 'type, channel, subject, body, outcome, occurred_at, duration_minutes, participants, owner_id, department_id, due_at, reminder_at, done, done_at, created_at, updated_at, created_by, version, deleted_at';

/**
 * Conversion: moves every follow-up of the lead (soft-deleted ones too, so a restore still
 * finds them) into `activities`, same ids, on the customer, contact and opportunity, with
 * lead_id kept; the customer's last_follow_up_at moves forward to the newest live one.
 * Runs in the conversion's transaction, which holds the lead's row lock; the customer row
 * is updated (locked) before activities are written, the order every activity writer uses.
 * Returns how many follow-ups moved.
 */
export async function moveLeadActivities(m: EntityManager, leadId: string, to: LeadActivitiesTarget): Promise<number> {
  await m.query(
    `UPDATE customers SET last_follow_up_at = GREATEST(last_follow_up_at, (SELECT max(${followUpTimeSql('a')}) FROM lead_activities a WHERE a.lead_id = $2 AND a.deleted_at IS NULL)) WHERE id = $1`,
    [to.customerId, leadId],
  );
  const moved: unknown[] = await m.query(
    `WITH moved AS (DELETE FROM lead_activities WHERE lead_id = $1 RETURNING *)
     INSERT INTO activities (id, customer_id, contact_id, lead_id, opportunity_id, ${shared})
     SELECT id, $2, $3, lead_id, coalesce(opportunity_id, $4::uuid), ${shared} FROM moved
     RETURNING id`,
    [leadId, to.customerId, to.contactId, to.opportunityId],
  );
  return moved.length;
}
