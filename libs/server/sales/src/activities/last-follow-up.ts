import type { EntityManager } from 'typeorm';

/**
 * When an activity counts as contact with the customer: a call, visit, meeting, e-mail
 * or note when it happened; a task only once it is done (an open to-do is not a
 * follow-up, and must not keep a customer out of the public pool).
 */
export const followUpTimeSql = (alias: string) => `CASE WHEN ${alias}.type = 'task' THEN ${alias}.done_at ELSE ${alias}.occurred_at END`;

export function followUpTime(a: { type: string; occurredAt: Date; doneAt: Date | null }): Date | null {
  return a.type === 'task' ? a.doneAt : a.occurredAt;
}

/**
 * `customers.last_follow_up_at` (the public pool reads it) is kept in the same
 * transaction as the activity. Writers lock the customer row first and then touch
 * activities, always in that order, so a delete's recompute sees every committed
 * insert and no two writers deadlock. The customer's version is not bumped: the value
 * is derived, and logging a call must not make an open edit form stale (412).
 */
export const LastFollowUp = {
  /** Takes the customer row lock before an activity is changed or removed. */
  async lock(m: EntityManager, customerId: string): Promise<void> {
    await m.query(`SELECT 1 FROM customers WHERE id = $1 FOR NO KEY UPDATE`, [customerId]);
  },

  /**
   * One statement, never backwards (a follow-up dated in the past leaves it alone).
   * Run before the activity insert: it also takes the row lock.
   */
  async advance(m: EntityManager, customerId: string, at: Date | null): Promise<void> {
    await m.query(`UPDATE customers SET last_follow_up_at = GREATEST(last_follow_up_at, $2::timestamptz) WHERE id = $1`, [customerId, at]);
  },

  /**
   * After the follow-up at `removed` was deleted or moved: when it was the newest,
   * recompute from the remaining ones (otherwise nothing changes, so a value set by an
   * import is kept).
   */
  async recomputeIfNewest(m: EntityManager, customerId: string, removed: Date | null): Promise<void> {
    if (!removed) return;
    await m.query(
      `UPDATE customers c SET last_follow_up_at = (SELECT max(${followUpTimeSql('a')}) FROM activities a WHERE a.customer_id = c.id AND a.deleted_at IS NULL)
       WHERE c.id = $1 AND c.last_follow_up_at <= $2::timestamptz`,
      [customerId, removed],
    );
  },
};
