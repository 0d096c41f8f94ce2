import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Moves one kind of related record from the losers to the winner; returns how many moved. */
export type MergeMover = (manager: EntityManager, winnerId: string, loserIds: string[]) => Promise<number>;

/**
 * Customers sit below the other modules and know none of them, yet a merge must move
 * their records (activities, opportunities, orders, cases) in the same transaction.
 * Each module registers a mover here at start-up.
 */
@Injectable()
export class CustomerMergeRegistry {
  private readonly movers = new Map<string, MergeMover>();

  register(kind: string, mover: MergeMover): void {
    this.movers.set(kind, mover);
  }

  entries(): [string, MergeMover][] {
    return [...this.movers.entries()];
  }
}
