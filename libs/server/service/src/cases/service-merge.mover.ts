import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CustomerMergeRegistry } from '@kehu/server-customers';

/** When customers merge, their cases, work orders and service contracts move to the surviving customer in the same transaction (history hangs off the case). */
@Injectable()
export class ServiceMergeMover implements OnModuleInit {
  constructor(private readonly registry: CustomerMergeRegistry) {}

  onModuleInit(): void {
    this.registry.register('service_cases', async (m, winnerId, loserIds) => {
      const [, moved] = await m.query(`UPDATE service_cases SET customer_id = $1 WHERE customer_id = ANY($2)`, [winnerId, loserIds]);
      return moved as number;
    });
    this.registry.register('work_orders', async (m, winnerId, loserIds) => {
      const [, moved] = await m.query(`UPDATE work_orders SET customer_id = $1 WHERE customer_id = ANY($2)`, [winnerId, loserIds]);
      return moved as number;
    });
    this.registry.register('service_contracts', async (m, winnerId, loserIds) => {
      const [, moved] = await m.query(`UPDATE service_contracts SET customer_id = $1 WHERE customer_id = ANY($2)`, [winnerId, loserIds]);
      return moved as number;
    });
  }
}
