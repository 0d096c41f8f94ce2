import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OPEN_LEAD_STATUSES, type LeadDto, type ListLeadsQuery, type Page } from '@kehu/contracts';
import { applyScope, DomainException, paginate, parseSort, type Principal, likePattern } from '@kehu/server-core';
import { normalizeEmail, normalizePhone, normalizeText } from '@kehu/server-customers';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Lead } from './lead.entity';
import { toLeadDto } from './lead.mapper';

const sorts = {
  createdAt: { expression: 'l.created_at', key: 'createdAt' },
  updatedAt: { expression: 'l.updated_at', key: 'updatedAt' },
  name: { expression: 'l.person_name', key: 'personName' },
};


/** `status IN ('new','contacted','qualified')`, the predicate of the queue and open-per-owner indexes. */
export const OPEN_LEAD_SQL = `status IN (${OPEN_LEAD_STATUSES.map((s) => `'${s}'`).join(',')})`;

/**
 * Every lead query; the data scope is applied here, once. Owner and department as for
 * customers: a queue lead (no owner) is seen by `department` scope when it carries one of
 * the caller's departments, and by `all` scope always; `own` / `team` scope never see the queue.
 */
@Injectable()
export class LeadsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<Lead> {
    return applyScope(manager.getRepository(Lead).createQueryBuilder('l'), principal, permission, { owner: 'l.owner_id', department: 'l.department_id' });
  }

  /** 404 when absent or out of scope; `lock` takes the row lock (FOR UPDATE) for the rest of the transaction. */
  async get(principal: Principal, id: string, permission = 'sales.lead.read', manager?: EntityManager, lock = false): Promise<Lead> {
    const qb = this.scoped(principal, permission, manager).andWhere('l.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const lead = await qb.getOne();
    if (!lead) throw DomainException.notFound('Lead');
    return lead;
  }

  async list(principal: Principal, q: ListLeadsQuery, defaultRegion: string): Promise<Page<LeadDto>> {
    const qb = this.filtered(principal, q, defaultRegion);
    const sort = parseSort(q.sort, sorts, '-createdAt', { expression: 'l.id', key: 'id' });
    return paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, toLeadDto);
  }

  /** The list's scope and filters without sort or paging (alias `l`): the list and the CSV export read the same rows; `alsoScopedBy` narrows to a second permission's scope as well. */
  filtered(principal: Principal, q: ListLeadsQuery, defaultRegion: string, alsoScopedBy?: string): SelectQueryBuilder<Lead> {
    const qb = this.scoped(principal, q.deleted ? 'sales.lead.delete' : 'sales.lead.read');
    // e.g. the export: rows must be in the scope of both the read and the export permission.
    if (alsoScopedBy) applyScope(qb, principal, alsoScopedBy, { owner: 'l.owner_id', department: 'l.department_id' });
    if (q.deleted) qb.withDeleted().andWhere('l.deleted_at IS NOT NULL');
    if (q.q) {
      const raw = q.q.trim();
      const phone = /^[\d\s+()-]{5,}$/.test(raw) ? normalizePhone(raw, defaultRegion) : undefined;
      const conditions = ['l.person_name ILIKE :q', 'l.company_name ILIKE :q', 'l.email = :email'];
      if (phone) conditions.push('l.phone = :phone');
      qb.andWhere(`(${conditions.join(' OR ')})`, { q: likePattern(normalizeText(raw)), email: normalizeEmail(raw), phone });
    }
    if (q.status) qb.andWhere('l.status = :status', { status: q.status });
    if (q.ownerId) qb.andWhere('l.owner_id = :owner', { owner: q.ownerId });
    if (q.unassigned) qb.andWhere(`l.owner_id IS NULL AND l.${OPEN_LEAD_SQL}`);
    if (q.source) qb.andWhere('l.source = :source', { source: q.source });
    if (q.campaignId) qb.andWhere('l.campaign_id = :campaign', { campaign: q.campaignId });
    if (q.webFormId) qb.andWhere('l.web_form_id = :webForm', { webForm: q.webFormId });
    if (q.province) qb.andWhere('l.province = :province', { province: normalizeText(q.province) });
    return qb;
  }
}
