import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SearchHitDto } from '@kehu/contracts';
import { SearchRegistry, type SearchTerms } from '@kehu/server-customers';
import { anyOf, substringMatch, type Principal } from '@kehu/server-core';
import { LeadsRepository } from '../leads/leads.repository';
import { OpportunitiesRepository } from '../opportunities/opportunities.repository';

type Row = { id: string; title: string; subtitle: string | null; customer_id: string | null; score: number };

const toHit = (type: string) => (r: Row): SearchHitDto => ({ type, id: r.id, title: r.title, subtitle: r.subtitle, customerId: r.customer_id, score: Math.round(Number(r.score) * 1000) / 1000 });

const params = (t: SearchTerms) => ({ sText: t.text, sLike: t.like, sPrefix: t.like.slice(1), sPhone: t.phone ?? '', sEmail: t.email ?? '' });

/** Leads and opportunities join the global search through the customers lib's registry, each in its own scope. */
@Injectable()
export class SalesSearchSources implements OnModuleInit {
  constructor(
    private readonly registry: SearchRegistry,
    private readonly leads: LeadsRepository,
    private readonly opportunities: OpportunitiesRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register('lead', 'sales.lead.read', (p, t) => this.searchLeads(p, t));
    this.registry.register('opportunity', 'sales.opportunity.read', (p, t) => this.searchOpportunities(p, t));
  }

  private async searchLeads(principal: Principal, t: SearchTerms): Promise<SearchHitDto[]> {
    const qb = this.leads
      .scoped(principal, 'sales.lead.read')
      .select('l.id', 'id')
      .addSelect('l.person_name', 'title')
      .addSelect('coalesce(l.company_name, l.phone, l.email)', 'subtitle')
      .addSelect('l.customer_id', 'customer_id')
      .addSelect(
        `greatest(CASE WHEN l.phone = :sPhone OR l.email = :sEmail THEN 1 ELSE 0 END, CASE WHEN l.person_name ILIKE :sPrefix OR l.company_name ILIKE :sPrefix THEN 0.9 ELSE 0 END, word_similarity(:sText, l.person_name || ' ' || coalesce(l.company_name, '')) * 0.8)`,
        'score',
      )
      .andWhere(anyOf(substringMatch(`l.person_name || ' ' || coalesce(l.company_name, '')`, t.text, 'sLike', 'sText'), t.phone && 'l.phone = :sPhone', t.email && 'l.email = :sEmail'))
      .orderBy('score', 'DESC')
      .addOrderBy('l.id')
      .limit(t.limit)
      .setParameters(params(t));
    return (await qb.getRawMany<Row>()).map(toHit('lead'));
  }

  private async searchOpportunities(principal: Principal, t: SearchTerms): Promise<SearchHitDto[]> {
    const qb = this.opportunities
      .scoped(principal, 'sales.opportunity.read')
      .innerJoin('customers', 'oc', 'oc.id = o.customer_id')
      .select('o.id', 'id')
      .addSelect('o.name', 'title')
      .addSelect('oc.name', 'subtitle')
      .addSelect('o.customer_id', 'customer_id')
      .addSelect(`greatest(CASE WHEN o.name ILIKE :sPrefix THEN 0.9 ELSE 0 END, word_similarity(:sText, o.name) * 0.8)`, 'score')
      .andWhere(substringMatch('o.name', t.text, 'sLike', 'sText'))
      .orderBy('score', 'DESC')
      .addOrderBy('o.id')
      .limit(t.limit)
      .setParameters(params(t));
    return (await qb.getRawMany<Row>()).map(toHit('opportunity'));
  }
}
