import { Injectable } from '@nestjs/common';
import { AuditService, OutboxService } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { Contact } from './contact.entity';

/**
 * At most one primary contact per customer. Writers that make a contact primary first
 * serialise on the customer (a transaction-scoped advisory lock, so the customer row
 * itself is not locked), then clear the previous primary in the same transaction; the
 * partial unique index `contacts_primary_uq` is the last guard.
 */
@Injectable()
export class PrimaryContact {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Serialises primary changes of one customer until the transaction ends. */
  async lock(m: EntityManager, customerId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('contacts.primary'), hashtext($1))`, [customerId]);
  }

  /** Locks, then clears the customer's other primary contact (audited as an update of that contact). */
  async clearOthers(m: EntityManager, customerId: string, keepId: string | null): Promise<void> {
    await this.lock(m, customerId);
    const result = await m
      .createQueryBuilder()
      .update(Contact)
      .set({ isPrimary: false, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
      .where('customer_id = :customerId AND is_primary AND deleted_at IS NULL', { customerId })
      .andWhere(keepId ? 'id <> :keepId' : 'true', { keepId })
      .returning(['id'])
      .execute();
    for (const { id } of result.raw as { id: string }[]) {
      await this.audit.record(m, { action: 'update', entityType: 'contact', entityId: id, changes: { isPrimary: { before: true, after: false } } });
      await this.outbox.publish(m, { type: 'contact.updated', aggregateType: 'contact', aggregateId: id, payload: { fields: ['isPrimary'] } });
    }
  }

  /** A restored contact stays primary only if its customer has not got another one meanwhile; true when demoted. */
  async demoteOnRestore(m: EntityManager, contact: Pick<Contact, 'id' | 'customerId' | 'isPrimary'>): Promise<boolean> {
    if (!contact.isPrimary) return false;
    await this.lock(m, contact.customerId);
    const taken = await m.getRepository(Contact).existsBy({ customerId: contact.customerId, isPrimary: true });
    if (taken) await m.update(Contact, { id: contact.id }, { isPrimary: false });
    return taken;
  }
}
