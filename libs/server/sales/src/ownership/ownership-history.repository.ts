import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OwnershipChangeKind, OwnershipHistoryEntryDto } from '@kehu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { OwnershipHistory } from './ownership-history.entity';
import { renderReason } from './ownership-reason';

export interface OwnershipChange {
  customerId: string;
  kind: OwnershipChangeKind;
  fromOwnerId: string | null;
  toOwnerId: string | null;
  poolId: string | null;
  reasonCode: string;
  reasonParams?: Record<string, unknown>;
  actorId: string | null;
  at: Date;
}

/** Writes and reads the ownership history (the return job writes set-based SQL of its own). */
@Injectable()
export class OwnershipHistoryRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(m: EntityManager, change: OwnershipChange): Promise<void> {
    await m.insert(OwnershipHistory, { ...change, reasonParams: (change.reasonParams ?? {}) as never });
  }

  /** Oldest first; each entry lasts until the next one. */
  async periods(customerId: string, m: EntityManager = this.ds.manager): Promise<OwnershipHistoryEntryDto[]> {
    const rows = await m.find(OwnershipHistory, { where: { customerId }, order: { at: 'ASC', id: 'ASC' } });
    return rows.map((r, i) => ({
      id: String(r.id),
      kind: r.kind as OwnershipChangeKind,
      ownerId: r.toOwnerId,
      previousOwnerId: r.fromOwnerId,
      poolId: r.poolId,
      from: r.at.toISOString(),
      to: rows[i + 1]?.at.toISOString() ?? null,
      reason: renderReason(r.reasonCode, r.reasonParams),
      byId: r.actorId,
    }));
  }

  /** The latest change of each customer (for pool lists: who had it and why it came back). */
  async latest(customerIds: string[], m: EntityManager = this.ds.manager): Promise<Map<string, OwnershipHistory>> {
    if (!customerIds.length) return new Map();
    const rows: OwnershipHistory[] = await m
      .getRepository(OwnershipHistory)
      .createQueryBuilder('h')
      .distinctOn(['h.customer_id'])
      .where('h.customer_id = ANY(:ids)', { ids: customerIds })
      .orderBy('h.customer_id')
      .addOrderBy('h.at', 'DESC')
      .addOrderBy('h.id', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.customerId, r]));
  }

  /** The last owner of a customer that was not null (who lost it to the pool). */
  async lastOwners(customerIds: string[], m: EntityManager = this.ds.manager): Promise<Map<string, string>> {
    if (!customerIds.length) return new Map();
    const rows: { customerId: string; ownerId: string }[] = await m.query(
      `SELECT DISTINCT ON (customer_id) customer_id AS "customerId", from_owner_id AS "ownerId"
         FROM ownership_history WHERE customer_id = ANY($1) AND from_owner_id IS NOT NULL ORDER BY customer_id, at DESC, id DESC`,
      [customerIds],
    );
    return new Map(rows.map((r) => [r.customerId, r.ownerId]));
  }
}
