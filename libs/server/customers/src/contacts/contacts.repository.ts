import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ContactChannel, ConsentStatus, ErrorCode, type ContactDto, type ListContactsQuery, type Page } from '@kehu/contracts';
import { applyScope, DomainException, paginate, parseSort, type Principal, likePattern } from '@kehu/server-core';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Customer } from '../customers/customer.entity';
import { normalizePhone } from '../data-quality/normalize';
import { ContactConsent } from './contact-consent.entity';
import { Contact } from './contact.entity';
import { toContactDto } from './contact.mapper';

const sorts = {
  createdAt: { expression: 'c.created_at', key: 'createdAt' },
  name: { expression: 'c.name', key: 'name' },
};


/** Every contact query; the data scope (its customer's owner / department) is applied here, once. */
@Injectable()
export class ContactsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<Contact> {
    // Inner join: contacts of a customer in the recycle bin go there with it.
    const qb = manager.getRepository(Contact).createQueryBuilder('c').innerJoin('customers', 'cu', 'cu.id = c.customer_id AND cu.deleted_at IS NULL');
    return applyScope(qb, principal, permission, { owner: 'cu.owner_id', department: 'cu.department_id' });
  }

  async get(principal: Principal, id: string, permission = 'sales.contact.read', manager?: EntityManager, lock = false): Promise<Contact> {
    const qb = this.scoped(principal, permission, manager).andWhere('c.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['c']);
    const c = await qb.getOne();
    if (!c) throw DomainException.notFound('Contact');
    return c;
  }

  /**
   * The customer a contact is attached to: it must be live and its owner/department in the
   * caller's scope for `permission`, so the new contact lands inside that scope too. Anything
   * else is 400 naming customerId (the same answer whether it does not exist or is out of scope).
   */
  async customerFor(principal: Principal, customerId: string, permission: string, manager: EntityManager): Promise<Pick<Customer, 'id' | 'ownerId' | 'departmentId'>> {
    const qb = applyScope(manager.getRepository(Customer).createQueryBuilder('cu'), principal, permission, { owner: 'cu.owner_id', department: 'cu.department_id' });
    const customer = await qb.select(['cu.id', 'cu.ownerId', 'cu.departmentId']).andWhere('cu.id = :customerId', { customerId }).getOne();
    if (!customer) {
      const message = 'customerId does not name a customer you can add contacts to';
      throw new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field: 'customerId', rule: 'exists', message }] });
    }
    return customer;
  }

  async consentsOf(ids: string[], manager: EntityManager = this.ds.manager): Promise<Map<string, ContactConsent[]>> {
    const out = new Map<string, ContactConsent[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    for (const row of await manager.find(ContactConsent, { where: { contactId: In(ids) } })) out.get(row.contactId)?.push(row);
    return out;
  }

  async toDto(contact: Contact, manager?: EntityManager): Promise<ContactDto> {
    return toContactDto(contact, (await this.consentsOf([contact.id], manager)).get(contact.id) ?? []);
  }

  async list(principal: Principal, q: ListContactsQuery, defaultRegion: string): Promise<Page<ContactDto>> {
    const qb = this.scoped(principal, 'sales.contact.read');
    if (q.customerId) qb.andWhere('c.customer_id = :customer', { customer: q.customerId });
    if (q.ownerId) qb.andWhere('cu.owner_id = :owner', { owner: q.ownerId });
    if (q.q) {
      const raw = q.q.trim();
      // Phones and e-mails are searched through one trigram-indexed text (contacts_reach_text).
      const conditions = ['c.name ILIKE :q', 'contacts_reach_text(c.phones, c.emails) ILIKE :q'];
      const params: Record<string, string> = { q: likePattern(raw) };
      if (/^[\d\s+()-]{4,}$/.test(raw)) {
        // However the number was typed: its digits, and its E.164 form (drops a trunk 0).
        params.digits = likePattern(raw.replace(/\D/g, ''));
        conditions.push('contacts_reach_text(c.phones, c.emails) LIKE :digits');
        const phone = normalizePhone(raw, defaultRegion);
        if (phone) {
          params.phone = phone;
          conditions.push('c.phones @> ARRAY[:phone]::text[]');
        }
      }
      qb.andWhere(`(${conditions.join(' OR ')})`, params);
    }
    if (q.hasEmailConsent !== undefined) {
      qb.andWhere(`${q.hasEmailConsent ? '' : 'NOT '}EXISTS (SELECT 1 FROM contact_consents cc WHERE cc.contact_id = c.id AND cc.channel = :emailChannel AND cc.status = :optedIn)`, {
        emailChannel: ContactChannel.EMAIL,
        optedIn: ConsentStatus.OPTED_IN,
      });
    }
    const sort = parseSort(q.sort, sorts, '-createdAt', { expression: 'c.id', key: 'id' });
    const page = await paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count });
    const consents = await this.consentsOf(page.data.map((c) => c.id));
    return { ...page, data: page.data.map((c) => toContactDto(c, consents.get(c.id) ?? [])) };
  }
}
