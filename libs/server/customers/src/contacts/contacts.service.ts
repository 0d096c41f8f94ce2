import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type ContactDto, type CreateContactDto, type UpdateContactConsentsDto, type UpdateContactDto } from '@kehu/contracts';
import { APP_CONFIG, AuditService, diff, DomainException, OutboxService, restoreRow, softDeleteRow, TransactionService, updateVersioned, type AppConfig, type Principal } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { ContactConsentsService } from './contact-consents.service';
import { ContactDuplicateFinder } from './contact-duplicate-finder';
import { Contact } from './contact.entity';
import { normalizeContactInput } from './contact-input';
import { ContactsRepository } from './contacts.repository';
import { PrimaryContact } from './primary-contact';

@Injectable()
export class ContactsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: ContactsRepository,
    private readonly duplicates: ContactDuplicateFinder,
    private readonly consents: ContactConsentsService,
    private readonly primary: PrimaryContact,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Attached to a customer the caller may add contacts to; owner and department are the customer's. */
  async create(principal: Principal, dto: CreateContactDto, allowDuplicate = false): Promise<ContactDto> {
    const values = normalizeContactInput(dto, this.config.defaultPhoneRegion);
    return this.tx.run(async (m) => {
      const customer = await this.repo.customerFor(principal, dto.customerId, 'sales.contact.create', m);
      if (!allowDuplicate) await this.refuseDuplicates(m, principal, values.phones ?? [], values.emails ?? []);
      if (values.isPrimary) await this.primary.clearOthers(m, customer.id, null);
      const saved = await m.save(Contact, m.create(Contact, { ...values, ownerId: customer.ownerId, departmentId: customer.departmentId, createdBy: principal.actorId }));
      const consentChanges = dto.consents?.length ? await this.consents.apply(m, principal, saved.id, dto.consents) : {};
      await this.audit.record(m, { action: 'create', entityType: 'contact', entityId: saved.id, changes: { ...diff({}, values as never), ...consentChanges } });
      await this.outbox.publish(m, { type: 'contact.created', aggregateType: 'contact', aggregateId: saved.id, payload: { customerId: saved.customerId, ownerId: saved.ownerId } });
      await this.consents.publish(m, saved.id, consentChanges);
      return this.repo.toDto(saved, m);
    });
  }

  /** Needs If-Match. New phones or e-mails re-run the duplicate check; isPrimary clears the customer's other primary. */
  async update(principal: Principal, id: string, version: number, dto: UpdateContactDto, allowDuplicate = false): Promise<ContactDto> {
    const changes = normalizeContactInput(dto, this.config.defaultPhoneRegion);
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, 'sales.contact.update', m);
      const customerId = changes.customerId ?? before.customerId;
      if (changes.customerId && changes.customerId !== before.customerId) {
        // Its owner and department become the new customer's (they are read through it).
        await this.repo.customerFor(principal, changes.customerId, 'sales.contact.update', m);
        // A primary contact that moves is not the new customer's primary unless asked.
        if (changes.isPrimary === undefined && before.isPrimary) changes.isPrimary = false;
      }
      if ((changes.phones || changes.emails) && !allowDuplicate) await this.refuseDuplicates(m, principal, changes.phones ?? [], changes.emails ?? [], id);
      if (changes.isPrimary) await this.primary.clearOthers(m, customerId, id);
      await updateVersioned(m, Contact, id, version, changes as Record<string, unknown>, 'Contact');
      const after = await m.findOneByOrFail(Contact, { id });
      const changed = diff(before as never, after as never);
      for (const k of ['version', 'updatedAt']) delete changed[k];
      await this.audit.record(m, { action: 'update', entityType: 'contact', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'contact.updated', aggregateType: 'contact', aggregateId: id, payload: { fields: Object.keys(changed) } });
      return this.repo.toDto(after, m);
    });
  }

  /** Needs If-Match on the contact. Sets the named channels; others keep theirs. Audited with before/after. */
  updateConsents(principal: Principal, id: string, version: number, dto: UpdateContactConsentsDto): Promise<ContactDto> {
    return this.tx.run(async (m) => {
      // Locked, so a concurrent change of the same contact waits and then sees the new version.
      const contact = await this.repo.get(principal, id, 'sales.contact.update', m, true);
      if (contact.version !== version) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'Contact was changed by someone else; reload and try again.');
      const changes = await this.consents.apply(m, principal, id, dto.consents);
      if (!Object.keys(changes).length) return this.repo.toDto(contact, m);
      await updateVersioned(m, Contact, id, version, {}, 'Contact');
      await this.audit.record(m, { action: 'consent-change', entityType: 'contact', entityId: id, changes });
      await this.consents.publish(m, id, changes);
      return this.repo.toDto(await m.findOneByOrFail(Contact, { id }), m);
    });
  }

  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      await this.repo.get(principal, id, 'sales.contact.delete', m);
      await softDeleteRow(m, Contact, id, 'Contact');
      await this.audit.record(m, { action: 'delete', entityType: 'contact', entityId: id });
      await this.outbox.publish(m, { type: 'contact.deleted', aggregateType: 'contact', aggregateId: id });
    });
  }

  /** From the recycle bin; the contact must be in scope and its customer live. */
  restore(principal: Principal, id: string): Promise<ContactDto> {
    return this.tx.run(async (m) => {
      const contact = await this.repo.scoped(principal, 'sales.contact.delete', m).withDeleted().andWhere('c.id = :id AND c.deleted_at IS NOT NULL', { id }).getOne();
      if (!contact) throw DomainException.notFound('Contact');
      const demoted = await this.primary.demoteOnRestore(m, contact);
      await restoreRow(m, Contact, id, 'Contact');
      await this.audit.record(m, { action: 'restore', entityType: 'contact', entityId: id, changes: demoted ? { isPrimary: { before: true, after: false } } : null });
      await this.outbox.publish(m, { type: 'contact.restored', aggregateType: 'contact', aggregateId: id });
      return this.repo.toDto(await m.findOneByOrFail(Contact, { id }), m);
    });
  }

  private async refuseDuplicates(m: EntityManager, principal: Principal, phones: string[], emails: string[], excludeId?: string): Promise<void> {
    const candidates = await this.duplicates.find(m, principal, { phones, emails, excludeId });
    if (candidates.length) {
      throw new DomainException(ErrorCode.DUPLICATE_SUSPECTED, `${candidates.length} existing contact(s) share a phone or e-mail; send allowDuplicate=true to keep both.`, { extensions: { candidates } });
    }
  }
}
