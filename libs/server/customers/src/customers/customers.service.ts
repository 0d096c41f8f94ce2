import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type BulkUpdateCustomersDto, type CreateCustomerDto, type CustomerDto, type UpdateCustomerDto } from '@kehu/contracts';
import { APP_CONFIG, type AppConfig, AuditService, diff, DomainException, fieldError, OutboxService, type Principal, restoreRow, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { User } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { completeness } from '../data-quality/completeness';
import { normalizeText } from '../data-quality/normalize';
import { normalizeCustomerInput } from './customer-input';
import { Customer } from './customer.entity';
import { toCustomerDto } from './customer.mapper';
import { applyCustomFields } from '../custom-fields/custom-field-values';
import { CustomFieldsService } from '../custom-fields/custom-fields.service';
import { CustomersRepository } from './customers.repository';
import { DuplicateFinder } from './duplicate-finder';

@Injectable()
export class CustomersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: CustomersRepository,
    private readonly duplicates: DuplicateFinder,
    private readonly customFields: CustomFieldsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(principal: Principal, dto: CreateCustomerDto, allowDuplicate = false): Promise<CustomerDto> {
    const values = normalizeCustomerInput(dto, this.config.defaultPhoneRegion);
    return this.tx.run(async (m) => {
      const owner = await this.ownerFor(m, principal, dto.ownerId ?? principal.userId);
      if (!allowDuplicate) await this.refuseDuplicates(m, principal, values);
      if (dto.referredByCustomerId) await this.repo.get(principal, dto.referredByCustomerId, 'sales.customer.read', m).catch(() => Promise.reject(fieldError('referredByCustomerId', 'exists', 'referredByCustomerId does not name a customer you can see')));
      const customFields = applyCustomFields(await this.customFields.definitions('customer', m), {}, dto.customFields, 'create');
      const record = { ...values, customFields, ownerId: owner.id, departmentId: owner.departmentId, developerId: owner.id, claimedAt: new Date(), createdBy: principal.actorId };
      const saved = await m.save(Customer, m.create(Customer, { ...record, completeness: completeness(record) }));
      await this.audit.record(m, { action: 'create', entityType: 'customer', entityId: saved.id, changes: diff({}, values as never) });
      await this.outbox.publish(m, { type: 'customer.created', aggregateType: 'customer', aggregateId: saved.id, payload: { ownerId: saved.ownerId, source: saved.source } });
      return toCustomerDto(saved);
    });
  }

  async update(principal: Principal, id: string, version: number, dto: UpdateCustomerDto, allowDuplicate = false): Promise<CustomerDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'sales.customer.update', m);
      const changes = normalizeCustomerInput(dto, this.config.defaultPhoneRegion);
      if (dto.customFields !== undefined) changes.customFields = applyCustomFields(await this.customFields.definitions('customer', m), before.customFields, dto.customFields, 'update');
      const next = { ...before, ...changes };
      const identityChanged = ['name', 'phone', 'email'].some((k) => k in changes);
      if (identityChanged && !allowDuplicate) await this.refuseDuplicates(m, principal, { nameKey: next.nameKey, phone: next.phone, email: next.email }, id);
      await updateVersioned(m, Customer, id, version, { ...changes, completeness: completeness(next) }, 'Customer');
      const after = await m.findOneByOrFail(Customer, { id });
      const changed = diff(toCustomerDto(before) as never, toCustomerDto(after) as never);
      delete changed.version;
      delete changed.updatedAt;
      await this.audit.record(m, { action: 'update', entityType: 'customer', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'customer.updated', aggregateType: 'customer', aggregateId: id, payload: { fields: Object.keys(changed) } });
      return toCustomerDto(after);
    });
  }

  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      await this.repo.get(principal, id, 'sales.customer.delete', m);
      await softDeleteRow(m, Customer, id, 'Customer');
      await this.audit.record(m, { action: 'delete', entityType: 'customer', entityId: id });
      await this.outbox.publish(m, { type: 'customer.deleted', aggregateType: 'customer', aggregateId: id });
    });
  }

  /** From the recycle bin; the record must be in the caller's scope. */
  restore(principal: Principal, id: string): Promise<CustomerDto> {
    return this.tx.run(async (m) => {
      const found = await this.repo.scoped(principal, 'sales.customer.delete', m).withDeleted().andWhere('c.id = :id AND c.deleted_at IS NOT NULL AND c.merged_into_id IS NULL', { id }).getExists();
      if (!found) throw DomainException.notFound('Customer');
      await restoreRow(m, Customer, id, 'Customer');
      await this.audit.record(m, { action: 'restore', entityType: 'customer', entityId: id });
      await this.outbox.publish(m, { type: 'customer.restored', aggregateType: 'customer', aggregateId: id });
      return toCustomerDto(await m.findOneByOrFail(Customer, { id }));
    });
  }

  /** Owner, stage and tags for up to 500 selected customers, all-or-nothing. */
  bulkUpdate(principal: Principal, dto: BulkUpdateCustomersDto): Promise<number> {
    return this.tx.run(async (m) => {
      const ids = [...new Set(dto.ids)];
      if (dto.addTags?.length && dto.removeTags?.length) throw fieldError('removeTags', 'exclusive', 'send addTags or removeTags, not both');
      const permission = dto.ownerId ? 'sales.customer.assign' : 'sales.customer.update';
      if (!principal.permissions[permission]) throw new DomainException(ErrorCode.FORBIDDEN, `Missing permission ${permission}.`);
      const found: { id: string }[] = await this.repo.scoped(principal, permission, m).select('c.id', 'id').andWhere('c.id = ANY(:ids)', { ids }).setLock('pessimistic_write').getRawMany();
      if (found.length !== ids.length) throw DomainException.notFound(`${ids.length - found.length} of the customers`);
      const owner = dto.ownerId ? await this.ownerFor(m, principal, dto.ownerId) : undefined;
      const sets: string[] = ['version = version + 1', 'updated_at = now()'];
      const params: unknown[] = [ids];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        sets.push(sql.replace('?', `$${params.length}`));
      };
      if (owner) {
        add('owner_id = ?', owner.id);
        add('department_id = ?', owner.departmentId);
      }
      if (dto.lifecycleStage) add('lifecycle_stage = ?', dto.lifecycleStage);
      if (dto.addTags?.length) add('tags = ARRAY(SELECT DISTINCT unnest(tags || ?::text[]))', dto.addTags.map(normalizeText));
      if (dto.removeTags?.length) add('tags = ARRAY(SELECT t FROM unnest(tags) t WHERE t <> ALL(?::text[]))', dto.removeTags.map(normalizeText));
      // One set-based statement, not a write per row.
      await m.query(`UPDATE customers SET ${sets.join(', ')} WHERE id = ANY($1)`, params);
      const changes = { ...(owner ? { ownerId: { before: null, after: owner.id } } : {}), ...(dto.lifecycleStage ? { lifecycleStage: { before: null, after: dto.lifecycleStage } } : {}), ...(dto.addTags ? { tags: { before: null, after: { add: dto.addTags } } } : {}), ...(dto.removeTags ? { tags: { before: null, after: { remove: dto.removeTags } } } : {}) };
      for (const id of ids) {
        await this.audit.record(m, { action: owner ? 'assign' : 'update', entityType: 'customer', entityId: id, changes });
        await this.outbox.publish(m, { type: owner ? 'customer.assigned' : 'customer.updated', aggregateType: 'customer', aggregateId: id, payload: { fields: Object.keys(changes) } });
      }
      return ids.length;
    });
  }

  private async refuseDuplicates(m: EntityManager, principal: Principal, probe: { nameKey?: string; phone?: string | null; email?: string | null }, excludeId?: string): Promise<void> {
    const candidates = await this.duplicates.find(m, principal, { nameKey: probe.nameKey ?? '', phone: probe.phone ?? null, email: probe.email ?? null, excludeId });
    if (candidates.length) {
      throw new DomainException(ErrorCode.DUPLICATE_SUSPECTED, `${candidates.length} existing customer(s) look like the same one; send allowDuplicate=true to keep both, or merge.`, { extensions: { candidates } });
    }
  }

  /** The owner must be an active user; giving a customer to someone else needs sales.customer.assign. */
  private async ownerFor(m: EntityManager, principal: Principal, ownerId: string): Promise<{ id: string; departmentId: string | null }> {
    if (ownerId !== principal.userId && !principal.permissions['sales.customer.assign']) {
      throw new DomainException(ErrorCode.FORBIDDEN, 'Assigning a customer to someone else needs sales.customer.assign.');
    }
    // Oneself: the principal is that user, just resolved and active (a disabled user is refused
    // before any handler runs), with their department — one round trip fewer per create.
    if (ownerId === principal.userId) return { id: principal.userId, departmentId: principal.departmentId };
    const owner = await m.findOne(User, { where: { id: ownerId, active: true } });
    if (!owner) throw fieldError('ownerId', 'exists', 'ownerId does not name an active user');
    return { id: owner.id, departmentId: owner.departmentId };
  }
}
