import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';

export interface Capacity {
  owned: number;
  maxOwned: number | null;
  locked: number;
  maxLocked: number | null;
}

/**
 * Owner capacity: the user's own limit row, else their department's (per user of it).
 * Callers hold the per-user advisory lock ({@link lockOwner}) so two claims cannot both
 * take the last free place.
 */
@Injectable()
export class OwnerCapacity {
  /** Serialises claims/assignments/locks to one owner until the transaction ends. */
  async lockOwner(m: EntityManager, userId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('kehu.owner:' || $1::text))`, [userId]);
  }

  async of(m: EntityManager, userId: string): Promise<Capacity> {
    const [limit] = await m.query(
      `SELECT l.max_owned AS "maxOwned", l.max_locked AS "maxLocked", l.count_won AS "countWon"
         FROM ownership_limits l
        WHERE l.user_id = $1 OR l.department_id = (SELECT u.department_id FROM users u WHERE u.id = $1)
        ORDER BY (l.user_id IS NOT NULL) DESC LIMIT 1`,
      [userId],
    );
    const countWon = limit?.countWon ?? true;
    const [counts] = await m.query(
      `SELECT count(*) FILTER (WHERE $2::boolean OR NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.customer_id = c.id AND o.status = 'won' AND o.deleted_at IS NULL))::int AS owned,
              count(*) FILTER (WHERE c.locked_at IS NOT NULL)::int AS locked
         FROM customers c WHERE c.owner_id = $1 AND c.deleted_at IS NULL`,
      [userId, countWon],
    );
    return { owned: counts.owned, maxOwned: limit?.maxOwned ?? null, locked: counts.locked, maxLocked: limit?.maxLocked ?? null };
  }

  /** 409 OWNER_CAPACITY_REACHED when `adding` more customers would exceed maxOwned. */
  async checkOwned(m: EntityManager, userId: string, adding = 1): Promise<void> {
    const c = await this.of(m, userId);
    if (c.maxOwned !== null && c.owned + adding > c.maxOwned) {
      throw new DomainException(ErrorCode.OWNER_CAPACITY_REACHED, `The owner already has ${c.owned} of at most ${c.maxOwned} customers.`, { extensions: { owned: c.owned, maxOwned: c.maxOwned } });
    }
  }

  async checkLocked(m: EntityManager, userId: string): Promise<void> {
    const c = await this.of(m, userId);
    if (c.maxLocked !== null && c.locked + 1 > c.maxLocked) {
      throw new DomainException(ErrorCode.LOCK_CAPACITY_REACHED, `The owner already has ${c.locked} of at most ${c.maxLocked} locked customers.`, { extensions: { locked: c.locked, maxLocked: c.maxLocked } });
    }
  }
}
