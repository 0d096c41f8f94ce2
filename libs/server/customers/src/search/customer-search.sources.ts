import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchHitDto } from '@kehu/contracts';
import { anyOf, applyScope, scopeOwnerIds, substringMatch, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
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

  /**
   * Broad words in a small scope (own, team): "gree" is in 12k contact names and "vert" in 3k
   * company names, of which a team sees ~3 %. The planner cannot know (it multiplies the
   * bigrams' frequencies as if independent and expects a handful of rows), so it probes
   * `customers` once per match to test the owner: 61 / 17 ms. Hashing the matches against the
   * scope's customers, read from the owner index alone, takes 21 / 8 ms (bench scale 1). Worth
   * it only where the scope is a list of people; no nested loops in these statements, so they
   * return ids and scores, and the rows are read by id afterwards.
   */
  private hashedScope(principal: Principal, permission: string, t: SearchTerms): boolean {
    return [...t.text].length >= 2 && !t.phone && !t.email && scopeOwnerIds(principal, permission, { owner: 'c.owner_id', department: 'c.department_id' }) !== null;
  }

  private withoutNestedLoops<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_nestloop = off');
      return work(m);
    });
  }

  private async searchCustomers(principal: Principal, t: SearchTerms): Promise<SearchHitDto[]> {
    let ids: string[] | undefined;
    if (this.hashedScope(principal, 'sales.customer.read', t)) {
      ids = await this.withoutNestedLoops(async (m) => {
        const rows = await this.customers
          .scoped(principal, 'sales.customer.read', m)
          .innerJoin('customer_search_terms', 's', 's.customer_id = c.id')
          .select('c.id', 'id')
          .andWhere(substringMatch('s.search_text', t.text, 'sLike', 'sText'))
          .setParameters(params(t))
          .getRawMany<{ id: string }>();
        return rows.map((r) => r.id);
      });
      if (!ids.length) return [];
    }
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
      .andWhere(ids ? 'c.id = ANY(:sIds)' : customerTextMatch(t.text, 'sLike', 'sText', { exact: [t.phone && 'phone = :sPhone', t.email && 'email = :sEmail'] }), { sIds: ids })
      .orderBy('score', 'DESC')
      .addOrderBy('c.id')
      .limit(t.limit)
      .setParameters(params(t));
    return (await qb.getRawMany<Row>()).map(toHit('customer'));
  }

  private async searchContacts(principal: Principal, t: SearchTerms): Promise<SearchHitDto[]> {
    if (this.hashedScope(principal, 'sales.contact.read', t)) {
      const hits = await this.withoutNestedLoops((m) => this.contactsQuery(principal, t, m).addSelect('k.phones[1]', 'phone').getRawMany<Row & { phone: string | null }>());
      if (!hits.length) return [];
      // The customer names of at most `limit` hits, by id, through the same scope.
      const names = await this.customers
        .scoped(principal, 'sales.contact.read')
        .select('c.id', 'id')
        .addSelect('c.name', 'name')
        .andWhere('c.id = ANY(:ids)', { ids: [...new Set(hits.map((h) => h.customer_id))] })
        .getRawMany<{ id: string; name: string }>();
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      return hits.filter((h) => nameOf.has(h.customer_id!)).map((h) => toHit('contact')({ ...h, subtitle: nameOf.get(h.customer_id!)! + (h.phone ? ` · ${h.phone}` : '') }));
    }
    const qb = this.contactsQuery(principal, t).addSelect(`c.name || coalesce(' · ' || k.phones[1], '')`, 'subtitle');
    return (await qb.getRawMany<Row>()).map(toHit('contact'));
  }

  /** Contacts matching the terms in scope, best first; the subtitle is the caller's. */
  private contactsQuery(principal: Principal, t: SearchTerms, m: EntityManager = this.ds.manager) {
    const joined = m.createQueryBuilder().from('contacts', 'k').innerJoin('customers', 'c', 'c.id = k.customer_id AND c.deleted_at IS NULL');
    return applyScope(joined, principal, 'sales.contact.read', { owner: 'c.owner_id', department: 'c.department_id' })
      .select('k.id', 'id')
      .addSelect('k.name', 'title')
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
  }
}

function params(t: SearchTerms) {
  return { sText: t.text, sLike: t.like, sPrefix: `${t.like.slice(1)}`, sPhone: t.phone ?? '', sEmail: t.email ?? '' };
}
