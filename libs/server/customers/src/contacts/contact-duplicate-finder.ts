import { Injectable } from '@nestjs/common';
import type { ContactDuplicateCandidateDto } from '@kehu/contracts';
import type { Principal } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { ContactsRepository } from './contacts.repository';

export interface ContactDuplicateProbe {
  phones: string[];
  emails: string[];
  /** Ignore this contact (an update checks against the others). */
  excludeId?: string;
}

/**
 * Contacts of any customer with the same normalised phone or e-mail (GIN overlap on the
 * arrays): a rep learns that a colleague already knows this person. Phones and e-mails
 * of candidates outside the caller's scope are withheld.
 */
@Injectable()
export class ContactDuplicateFinder {
  constructor(private readonly repo: ContactsRepository) {}

  async find(m: EntityManager, principal: Principal, probe: ContactDuplicateProbe): Promise<ContactDuplicateCandidateDto[]> {
    if (!probe.phones.length && !probe.emails.length) return [];
    const rows: { id: string; name: string; customer_id: string; owner_id: string | null; phones: string[]; emails: string[] }[] = await m.query(
      `SELECT c.id, c.name, c.customer_id, cu.owner_id, c.phones, c.emails
         FROM contacts c JOIN customers cu ON cu.id = c.customer_id AND cu.deleted_at IS NULL
        WHERE c.deleted_at IS NULL AND ($3::uuid IS NULL OR c.id <> $3)
          AND (c.phones && $1::text[] OR c.emails && $2::text[])
        ORDER BY c.created_at, c.id
        LIMIT 10`,
      [probe.phones, probe.emails, probe.excludeId ?? null],
    );
    if (!rows.length) return [];
    const visible = new Set(
      (await this.repo.scoped(principal, 'sales.contact.read', m).select('c.id', 'id').andWhere('c.id = ANY(:ids)', { ids: rows.map((r) => r.id) }).getRawMany()).map((r: { id: string }) => r.id),
    );
    return rows.map((r) => {
      const reasons: string[] = [];
      if (r.phones.some((p) => probe.phones.includes(p))) reasons.push('phone');
      if (r.emails.some((e) => probe.emails.includes(e))) reasons.push('email');
      const inScope = visible.has(r.id);
      return { id: r.id, name: r.name, customerId: r.customer_id, ownerId: r.owner_id, reasons, phones: inScope ? r.phones : null, emails: inScope ? r.emails : null };
    });
  }
}
