import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMergeRegistry } from '@kehu/server-customers';

/**
 * When customers merge, their opportunities move to the winner in the same transaction;
 * line items and stage history follow through their ON UPDATE CASCADE foreign keys.
 */
@Injectable()
export class OpportunitiesMergeMover implements OnModuleInit {
  constructor(private readonly registry: CustomerMergeRegistry) {}

  onModuleInit(): void {
    this.registry.register('opportunities', async (m, winnerId, loserIds) => {
      const [, moved] = await m.query(`UPDATE opportunities SET customer_id = $1 WHERE customer_id = ANY($2)`, [winnerId, loserIds]);
      return moved as number;
    });
  }
}
