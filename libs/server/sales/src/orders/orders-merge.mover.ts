import { Injectable, OnModuleInit } from '@nestjs/common';
import { CustomerMergeRegistry } from '@kehu/server-customers';

/** When customers merge, their orders move to the winner in the same transaction (lines and timeline hang off the order). */
@Injectable()
export class OrdersMergeMover implements OnModuleInit {
  constructor(private readonly registry: CustomerMergeRegistry) {}

  onModuleInit(): void {
    this.registry.register('orders', async (m, winnerId, loserIds) => {
      const [, moved] = await m.query(`UPDATE orders SET customer_id = $1 WHERE customer_id = ANY($2)`, [winnerId, loserIds]);
      return moved as number;
    });
  }
}
