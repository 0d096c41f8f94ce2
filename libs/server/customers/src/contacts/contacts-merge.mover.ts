import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@kehu/server-core';
import { CustomerMergeRegistry } from '../customers/customer-merge.registry';

/**
 * When customers merge, the losers' contacts (recycle bin included) move to the winner in
 * the same transaction and take its owner and department. They arrive as non-primary: the
 * winner keeps its own primary contact, and two losers' primaries cannot both stay.
 */
@Injectable()
export class ContactsMergeMover implements OnModuleInit {
  constructor(
    private readonly registry: CustomerMergeRegistry,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register('contacts', async (m, winnerId, loserIds) => {
      const [rows] = (await m.query(
        `UPDATE contacts k SET customer_id = $1, is_primary = false, version = k.version + 1, updated_at = now()
           FROM contacts old
          WHERE k.customer_id = ANY($2) AND old.id = k.id
          RETURNING k.id, old.customer_id AS "from", old.is_primary AS "wasPrimary"`,
        [winnerId, loserIds],
      )) as [{ id: string; from: string; wasPrimary: boolean }[], number];
      for (const r of rows) {
        const changes = { customerId: { before: r.from, after: winnerId }, ...(r.wasPrimary ? { isPrimary: { before: true, after: false } } : {}) };
        await this.audit.record(m, { action: 'update', entityType: 'contact', entityId: r.id, changes });
      }
      return rows.length;
    });
  }
}
