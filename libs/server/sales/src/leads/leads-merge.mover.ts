import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMergeRegistry } from '@kehu/server-customers';

/** When customers merge, leads converted into a loser point to the winner (same transaction). */
@Injectable()
export class LeadsMergeMover implements OnModuleInit {
  constructor(private readonly registry: CustomerMergeRegistry) {}

  onModuleInit(): void {
    this.registry.register('leads', async (m, winnerId, loserIds) => {
      const [, moved] = await m.query(`UPDATE leads SET customer_id = $1 WHERE customer_id = ANY($2)`, [winnerId, loserIds]);
      return moved as number;
    });
  }
}
