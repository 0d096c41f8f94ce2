import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchHitDto } from '@kehu/contracts';
import { anyOf, applyScope, substringMatch, type Principal } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { ContactsRepository } from '../contacts/contacts.repository';
import { customerTextMatch } from '../customers/customer-search-text';
import { CustomersRepository } from '../customers/customers.repository';
import { SearchRegistry, type SearchTerms } from './search.registry';

type Row = { id: string; title: string; subtitle: string | null; customer_id: string | null; score: number };

const toHit = (type: string) => (r: Row): SearchHitDto => ({ type, id: r.id, title: r.title, subtitle: r.subtitle, customerId: r.customer_id, score: Math.round(Number(r.score) * 1000) / 1000 });

/**
 * Customers and contacts in the global search, each through its repository's scope
 * filter. Ranking: exact phone/e-mail 1, name prefix 0.9, else trigram word similarity.
 */
@Injectable()
export class CustomerSearchSources implements OnModuleInit {
  constructor(
    private readonly registry: SearchRegistry,
    private readonly customers: CustomersRepository,
    private readonly contacts: ContactsRepository,
    private readonly ds: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register('customer', 'sales.customer.read', (p, t) => this.searchCustomers(p, t));
    this.registry.register('contact', 'sales.contact.read', (p, t) => this.searchContacts(p, t));
  }

  private async searchCustomers(principal: Principal, t: SearchTerms): Promise<SearchHitDto[]> {
    const qb = this.customers
      .scoped(principal, 'sales.customer.read')
      .select('c.id', 'id')
      .addSelect('c.name', 'title')
      .addSelect('coalesce(c.phone, c.email, c.city)', 'subtitle')
      .addSelect('c.id', 'customer_id')
      .addSelect(
        `greatest(CASE WHEN c.phone = :sPhone OR c.email = :sEmail THEN 1 ELSE 0 END, CASE WHEN c.name ILIKE :sPrefix THEN 0.9 ELSE 0 END, word_similarity(:sText, c.name) * 0.85)`,
        'score',
      )
      .andWhere(customerTextMatch(t.text, 'sLike', 'sText', { exact: [t.phone && 'phone = :sPhone', t.email && 'email = :sEmail'] }))
      .orderBy('score', 'DESC')
      .addOrderBy('c.id')
      .limit(t.limit)
      .setParameters(params(t));
    return (await qb.getRawMany<Row>()).map(toHit('customer'));
  }

  private async searchContacts(principal: Principal, t: SearchTerms): Promise<SearchHitDto[]> {
    const joined = this.ds.createQueryBuilder().from('contacts', 'k').innerJoin('customers', 'c', 'c.id = k.customer_id AND c.deleted_at IS NULL');
    const qb = applyScope(joined, principal, 'sales.contact.read', { owner: 'c.owner_id', department: 'c.department_id' })
      .select('k.id', 'id')
      .addSelect('k.name', 'title')
      .addSelect(`c.name || coalesce(' · ' || k.phones[1], '')`, 'subtitle')
      .addSelect('k.customer_id', 'customer_id')
      .addSelect(
        `greatest(CASE WHEN :sPhone = ANY(k.phones) OR :sEmail = ANY(k.emails) THEN 1 ELSE 0 END, CASE WHEN k.name ILIKE :sPrefix THEN 0.9 ELSE 0 END, word_similarity(:sText, k.name) * 0.85)`,
        'score',
      )
      .andWhere('k.deleted_at IS NULL')
      // `@>` (not `= ANY`) so the phones/e-mails GIN indexes serve it.
      .andWhere(anyOf(substringMatch('k.name', t.text, 'sLike', 'sText'), t.phone && 'k.phones @> ARRAY[:sPhone]::text[]', t.email && 'k.emails @> ARRAY[:sEmail]::text[]'))
      .orderBy('score', 'DESC')
      .addOrderBy('k.id')
      .limit(t.limit)
      .setParameters(params(t));
    return (await qb.getRawMany<Row>()).map(toHit('contact'));
  }
}

function params(t: SearchTerms) {
  return { sText: t.text, sLike: t.like, sPrefix: `${t.like.slice(1)}`, sPhone: t.phone ?? '', sEmail: t.email ?? '' };
}
