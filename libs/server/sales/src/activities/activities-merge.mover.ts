import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMergeRegistry } from '@kehu/server-customers';

/** When customers merge, their follow-ups move to the winner in the same transaction. */
@Injectable()
export class ActivitiesMergeMover implements OnModuleInit {
  constructor(private readonly registry: CustomerMergeRegistry) {}

  onModuleInit(): void {
    this.registry.register('activities', async (m, winnerId, loserIds) => {
      const [, moved] = await m.query(`UPDATE activities SET customer_id = $1 WHERE customer_id = ANY($2)`, [winnerId, loserIds]);
      return moved as number;
    });
  }
}
