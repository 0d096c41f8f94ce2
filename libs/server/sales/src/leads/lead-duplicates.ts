import { Injectable } from '@nestjs/common';
import { ErrorCode, LeadDuplicateKind, type LeadDuplicateCandidateDto } from '@kehu/contracts';
import { DomainException, type Principal } from '@kehu/server-core';
import { ContactDuplicateFinder, DuplicateFinder } from '@kehu/server-customers';
import type { EntityManager } from 'typeorm';
import { LeadsRepository } from './leads.repository';

export interface LeadDuplicateProbe {
  phone: string | null;
  email: string | null;
  excludeId?: string;
}

/**
 * Exact normalised phone / e-mail among live leads, customers and contacts (indexed
 * lookups: leads_phone_idx / leads_email_idx, the customers' finder with an empty company
 * key, the contacts' GIN overlap). Contact details outside the caller's scope are withheld.
 */
@Injectable()
export class LeadDuplicates {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly customers: DuplicateFinder,
    private readonly contacts: ContactDuplicateFinder,
  ) {}

  async find(m: EntityManager, principal: Principal, probe: LeadDuplicateProbe): Promise<LeadDuplicateCandidateDto[]> {
    if (!probe.phone && !probe.email) return [];
    const rows: { id: string; person_name: string; owner_id: string | null; customer_id: string | null; phone: string | null; email: string | null }[] = await m.query(
      `SELECT id, person_name, owner_id, customer_id, phone, email FROM leads
        WHERE deleted_at IS NULL AND ($3::uuid IS NULL OR id <> $3) AND (phone = $1 OR email = $2)
        ORDER BY created_at, id LIMIT 10`,
      [probe.phone, probe.email, probe.excludeId ?? null],
    );
    const visible = rows.length
      ? new Set((await this.leads.scoped(principal, 'sales.lead.read', m).select('l.id', 'id').andWhere('l.id = ANY(:ids)', { ids: rows.map((r) => r.id) }).getRawMany()).map((r: { id: string }) => r.id))
      : new Set<string>();
    const leads = rows.map((r) => {
      const inScope = visible.has(r.id);
      return { kind: LeadDuplicateKind.LEAD, id: r.id, name: r.person_name, customerId: r.customer_id, ownerId: r.owner_id, reasons: reasons(probe, r.phone, r.email), phone: inScope ? r.phone : null, email: inScope ? r.email : null };
    });
    const customers = (await this.customers.find(m, principal, { nameKey: '', phone: probe.phone, email: probe.email })).map((c) => ({
      kind: LeadDuplicateKind.CUSTOMER,
      id: c.id,
      name: c.name,
      customerId: c.id,
      ownerId: c.ownerId,
      reasons: c.reasons.filter((x) => x === 'phone' || x === 'email'),
      phone: c.phone,
      email: c.email,
    }));
    const contacts = (await this.contacts.find(m, principal, { phones: probe.phone ? [probe.phone] : [], emails: probe.email ? [probe.email] : [] })).map((c) => ({
      kind: LeadDuplicateKind.CONTACT,
      id: c.id,
      name: c.name,
      customerId: c.customerId,
      ownerId: c.ownerId,
      reasons: c.reasons,
      phone: c.phones ? (probe.phone && c.phones.includes(probe.phone) ? probe.phone : (c.phones[0] ?? null)) : null,
      email: c.emails ? (probe.email && c.emails.includes(probe.email) ? probe.email : (c.emails[0] ?? null)) : null,
    }));
    return [...leads, ...customers, ...contacts];
  }

  /**
   * The earliest live lead with this phone or e-mail, for callers without a principal (web
   * forms): they flag the new lead with it instead of refusing, and disclose nothing.
   */
  async earliestLead(m: EntityManager, probe: LeadDuplicateProbe): Promise<string | null> {
    if (!probe.phone && !probe.email) return null;
    const [row] = (await m.query(`SELECT id FROM leads WHERE deleted_at IS NULL AND (phone = $1 OR email = $2) ORDER BY created_at, id LIMIT 1`, [probe.phone, probe.email])) as { id: string }[];
    return row?.id ?? null;
  }

  /** 409 DUPLICATE_SUSPECTED with the candidates, unless there are none. */
  async refuse(m: EntityManager, principal: Principal, probe: LeadDuplicateProbe): Promise<void> {
    const candidates = await this.find(m, principal, probe);
    if (candidates.length) {
      throw new DomainException(ErrorCode.DUPLICATE_SUSPECTED, `${candidates.length} existing lead(s), customer(s) or contact(s) share this phone or e-mail; send allowDuplicate=true to keep both.`, { extensions: { candidates } });
    }
  }
}

function reasons(probe: LeadDuplicateProbe, phone: string | null, email: string | null): string[] {
  const out: string[] = [];
  if (probe.phone && phone === probe.phone) out.push('phone');
  if (probe.email && email === probe.email) out.push('email');
  return out;
}
