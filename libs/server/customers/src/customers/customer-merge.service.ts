import { Injectable } from '@nestjs/common';
import { ErrorCode, MERGEABLE_CUSTOMER_FIELDS, type MergeCustomersDto, type MergeResultDto } from '@kehu/contracts';
import { AuditService, DomainException, OutboxService, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { completeness } from '../data-quality/completeness';
import { Customer } from './customer.entity';
import { CustomerMergeRegistry } from './customer-merge.registry';
import { CustomersRepository } from './customers.repository';

const fieldError = (field: string, message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field, rule: 'merge', message }] });

/**
 * Merges duplicates into one customer: field-by-field choice, related records moved,
 * tags united, the latest follow-up kept, losers soft-deleted pointing to the winner —
 * all in one transaction, audited on every record.
 */
@Injectable()
export class CustomerMergeService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: CustomersRepository,
    private readonly registry: CustomerMergeRegistry,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  merge(principal: Principal, winnerId: string, version: number, dto: MergeCustomersDto): Promise<MergeResultDto> {
    const loserIds = [...new Set(dto.loserIds)];
    if (loserIds.includes(winnerId)) throw fieldError('loserIds', 'loserIds must not contain the customer merged into');
    return this.tx.run(async (m) => {
      // Lock every record in a fixed order so two overlapping merges cannot deadlock or double-merge.
      const all = [winnerId, ...loserIds].sort();
      const rows = await this.repo.scoped(principal, 'sales.customer.merge', m).andWhere('c.id = ANY(:ids)', { ids: all }).orderBy('c.id').setLock('pessimistic_write').getMany();
      if (rows.length !== all.length) throw DomainException.notFound('Customer');
      const byId = new Map(rows.map((r) => [r.id, r]));
      const winner = byId.get(winnerId)!;
      const changes: Record<string, unknown> = {};
      for (const [field, sourceId] of Object.entries(dto.fields ?? {})) {
        if (!(MERGEABLE_CUSTOMER_FIELDS as readonly string[]).includes(field)) throw fieldError(`fields.${field}`, `${field} cannot be chosen in a merge`);
        const source = byId.get(sourceId as string);
        if (!source) throw fieldError(`fields.${field}`, `fields.${field} must name the winner or one of the losers`);
        changes[field] = source[field as keyof Customer];
      }
      if ('name' in changes) changes.nameKey = byId.get(dto.fields!.name!)!.nameKey;
      if ('ownerId' in changes) changes.departmentId = byId.get(dto.fields!.ownerId!)!.departmentId;
      if ('externalId' in changes) changes.externalSource = byId.get(dto.fields!.externalId!)!.externalSource;
      changes.tags = [...new Set(rows.flatMap((r) => r.tags))];
      const followUps = rows.map((r) => r.lastFollowUpAt?.getTime() ?? 0);
      const latest = Math.max(...followUps);
      changes.lastFollowUpAt = latest ? new Date(latest) : null;

      // Losers leave first: their unique external id must be free before the winner takes it.
      await m
        .createQueryBuilder()
        .update(Customer)
        .set({ deletedAt: () => 'now()', mergedIntoId: winnerId, externalId: null, version: () => 'version + 1' } as never)
        .where('id = ANY(:ids)', { ids: loserIds })
        .execute();
      await updateVersioned(m, Customer, winnerId, version, { ...changes, completeness: completeness({ ...winner, ...changes }) }, 'Customer');

      const moved: Record<string, number> = {};
      for (const [kind, mover] of this.registry.entries()) moved[kind] = await mover(m, winnerId, loserIds);

      const auditChanges = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { before: winner[k as keyof Customer] ?? null, after: v }]));
      await this.audit.record(m, { action: 'merge', entityType: 'customer', entityId: winnerId, changes: { ...auditChanges, mergedIds: { before: null, after: loserIds } } });
      for (const id of loserIds) await this.audit.record(m, { action: 'merged', entityType: 'customer', entityId: id, changes: { mergedIntoId: { before: null, after: winnerId } } });
      await this.outbox.publish(m, { type: 'customer.merged', aggregateType: 'customer', aggregateId: winnerId, payload: { mergedIds: loserIds, moved } });
      return { winnerId, mergedIds: loserIds, moved };
    });
  }
}
