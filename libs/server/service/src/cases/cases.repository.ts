import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseDto, CaseEventDto, ListCasesQuery, Page } from '@kehu/contracts';
import { applyScope, Clock, DomainException, likePattern, paginate, parseSort, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ACTIVE } from './case-rules';
import { toCaseDto, toCaseEventDto } from './case.mapper';
import { ServiceCase } from './service-case.entity';

const id = { expression: 'c.id', key: 'id' };
const sorts = {
  createdAt: { expression: 'c.created_at', key: 'createdAt' },
  // Cases without a resolution target (or paused) sort last when ascending.
  resolutionDueAt: { expression: "coalesce(c.resolution_due_at, 'infinity'::timestamptz)", key: 'resolutionDueAt' },
  priority: { expression: `CASE c.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END`, key: 'priority' },
  number: { expression: 'c.number', key: 'number' },
};

/** Every case query; the data scope (agent / department) is applied here, once. */
@Injectable()
export class CasesRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<ServiceCase> {
    return applyScope(manager.getRepository(ServiceCase).createQueryBuilder('c'), principal, permission, { owner: 'c.owner_id', department: 'c.department_id' });
  }

  /** Out of scope reads as absent (404). `lock` takes the row lock for a status step. */
  async get(principal: Principal, caseId: string, permission = 'service.case.read', manager?: EntityManager, lock = false): Promise<ServiceCase> {
    const qb = this.scoped(principal, permission, manager).andWhere('c.id = :caseId', { caseId });
    if (lock) qb.setLock('pessimistic_write');
    const c = await qb.getOne();
    if (!c) throw DomainException.notFound('Case');
    return c;
  }

  /** getCase: the scoped read and the two names in one statement (it is the busiest read after the list). */
  async read(principal: Principal, caseId: string): Promise<CaseDto> {
    const { entities, raw } = await this.scoped(principal, 'service.case.read')
      .leftJoin('customers', 'cu', 'cu.id = c.customer_id')
      .leftJoin('users', 'ow', 'ow.id = c.owner_id')
      .addSelect(['cu.name AS customer_name', 'ow.name AS owner_name'])
      .andWhere('c.id = :caseId', { caseId })
      .getRawAndEntities();
    if (!entities.length) throw DomainException.notFound('Case');
    return toCaseDto(entities[0], { customer: raw[0].customer_name, owner: raw[0].owner_name }, this.clock.now());
  }

  async dto(caseId: string, manager: EntityManager = this.ds.manager): Promise<CaseDto> {
    const c = await manager.getRepository(ServiceCase).createQueryBuilder('c').withDeleted().where('c.id = :caseId', { caseId }).getOneOrFail();
    const [names] = await this.names([c], manager);
    return toCaseDto(c, names, this.clock.now());
  }

  /** Newest first by default; filters each backed by an index. */
  async list(principal: Principal, q: ListCasesQuery): Promise<Page<CaseDto>> {
    const qb = this.scoped(principal, 'service.case.read');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.active) qb.andWhere('c.status IN (:...active)', { active: ACTIVE });
    if (q.priority) qb.andWhere('c.priority = :priority', { priority: q.priority });
    if (q.type) qb.andWhere('c.type = :type', { type: q.type });
    if (q.customerId) qb.andWhere('c.customer_id = :customerId', { customerId: q.customerId });
    if (q.serviceContractId) qb.andWhere('c.service_contract_id = :serviceContractId', { serviceContractId: q.serviceContractId });
    if (q.ownerId) qb.andWhere('c.owner_id = :ownerId', { ownerId: q.ownerId });
    if (q.breached) qb.andWhere('(c.response_breached_at IS NOT NULL OR c.resolution_breached_at IS NOT NULL)');
    if (q.dueBefore) qb.andWhere('c.status IN (:...active) AND c.resolution_due_at < :dueBefore', { active: ACTIVE, dueBefore: q.dueBefore });
    if (q.q) qb.andWhere('(c.number ILIKE :q OR c.subject ILIKE :q)', { q: likePattern(q.q) });
    const sort = parseSort(q.sort, sorts, '-createdAt', id);
    const page = await paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count });
    const names = await this.names(page.data);
    const now = this.clock.now();
    return { ...page, data: page.data.map((c, i) => toCaseDto(c, names[i], now)) };
  }

  /** The history, oldest first, with the actors' names (one query). */
  async events(caseId: string): Promise<CaseEventDto[]> {
    const rows: { id: string; kind: string; body: string | null; data: Record<string, unknown> | null; actor_id: string | null; actor_name: string | null; created_at: Date }[] = await this.ds.query(
      `SELECT e.id, e.kind, e.body, e.data, e.actor_id, u.name AS actor_name, e.created_at
         FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.case_id = $1 ORDER BY e.created_at, e.id`,
      [caseId],
    );
    return rows.map((r) => toCaseEventDto({ id: r.id, caseId, kind: r.kind, body: r.body, data: r.data, actorId: r.actor_id, createdAt: r.created_at }, r.actor_name));
  }

  /** Customer and owner names for a page of cases: two lookups by id, never one per row. */
  private async names(cases: ServiceCase[], manager: EntityManager = this.ds.manager): Promise<{ customer: string | null; owner: string | null }[]> {
    if (!cases.length) return [];
    const customerIds = [...new Set(cases.map((c) => c.customerId))];
    const ownerIds = [...new Set(cases.map((c) => c.ownerId))];
    const [customers, owners]: { id: string; name: string }[][] = await Promise.all([
      manager.query(`SELECT id, name FROM customers WHERE id = ANY($1)`, [customerIds]),
      manager.query(`SELECT id, name FROM users WHERE id = ANY($1)`, [ownerIds]),
    ]);
    const customer = new Map(customers.map((r) => [r.id, r.name]));
    const owner = new Map(owners.map((r) => [r.id, r.name]));
    return cases.map((c) => ({ customer: customer.get(c.customerId) ?? null, owner: owner.get(c.ownerId) ?? null }));
  }
}
