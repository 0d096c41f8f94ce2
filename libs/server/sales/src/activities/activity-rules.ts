import { ActivityChannel, ActivityType, type ActivityParticipantDto } from '@kehu/contracts';
import { fieldError } from '@kehu/server-core';
import { User } from '@kehu/server-identity';
import { In, type EntityManager } from 'typeorm';
import type { ActivityParticipant } from './activity-columns';

/** The rules a follow-up obeys wherever it is filed (customer or lead). */

const defaultChannels: Partial<Record<ActivityType, ActivityChannel>> = {
  [ActivityType.CALL]: ActivityChannel.PHONE,
  [ActivityType.VISIT]: ActivityChannel.VISIT,
  [ActivityType.EMAIL]: ActivityChannel.EMAIL,
};

/** Default from the type: call → phone, visit → visit, email → email, else other. */
export const defaultChannel = (type: ActivityType): ActivityChannel => defaultChannels[type] ?? ActivityChannel.OTHER;

/** Clock skew we tolerate on occurredAt; anything later is a future date. */
const FUTURE_SKEW_MS = 5 * 60_000;

/** occurredAt not in the future (it would hold the customer out of the pool); reminder not after the due date. */
export function checkTimes(occurredAt: Date | null, dueAt: Date | null, reminderAt: Date | null): void {
  if (occurredAt && occurredAt.getTime() > Date.now() + FUTURE_SKEW_MS) throw fieldError('occurredAt', 'notFuture', 'occurredAt must not be in the future; plan ahead with a task and dueAt');
  if (dueAt && reminderAt && reminderAt > dueAt) throw fieldError('reminderAt', 'notAfterDueAt', 'reminderAt must not be after dueAt');
}

/** Each participant is a user (userId) or a free-text name, not both; user ids must exist. */
export async function toParticipants(m: EntityManager, list: ActivityParticipantDto[] | undefined): Promise<ActivityParticipant[]> {
  if (!list?.length) return [];
  const out = list.map((p, i) => {
    const userId = p.userId ?? null;
    const name = p.name?.trim() || null;
    if (!userId === !name) throw fieldError(`participants.${i}`, 'userIdOrName', `participants.${i} needs either userId or name`);
    return { userId, name };
  });
  const ids = [...new Set(out.flatMap((p) => (p.userId ? [p.userId] : [])))];
  if (ids.length && (await m.countBy(User, { id: In(ids) })) !== ids.length) throw fieldError('participants', 'exists', 'participants name a user that does not exist');
  return out;
}
