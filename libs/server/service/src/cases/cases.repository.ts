import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseDto, CaseEventDto, ListCasesQuery, Page } from '@kehu/contracts';
import { applyScope, Clock, DomainException, getRawPrepared, likePattern, paginateJson, parseSort, scopeSql, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ACTIVE } from './case-rules';
import { CASE_NOW, caseJson } from './case-json';
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

  /**
   * Reading one case: the read scope, and for technicians also the cases they are sent to (a
   * work order of theirs names it) — they need the problem on site, though their own scope is
   * only the cases they own. Reading only: every change stays with the case's own scopes.
   */
  readable(principal: Principal): SelectQueryBuilder<ServiceCase> {
    if (!principal.permissions['service.workorder.execute']) return this.scoped(principal, 'service.case.read');
    const qb = this.ds.manager.getRepository(ServiceCase).createQueryBuilder('c');
    let n = 0;
    const bind = (value: unknown) => {
      qb.setParameter(`readScope${++n}`, value);
      return `:readScope${n}`;
    };
    const scope = scopeSql(principal, 'service.case.read', { owner: 'c.owner_id', department: 'c.department_id' }, bind);
    const sent = `EXISTS (SELECT 1 FROM work_orders wo WHERE wo.case_id = c.id AND wo.technician_id = ${bind(principal.userId)} AND wo.deleted_at IS NULL)`;
    return qb.where(`(${scope} OR ${sent})`);
  }

  /** getCase: the readable case with the names, built as JSON by PostgreSQL (the busiest read after the queue). */
  async read(principal: Principal, caseId: string): Promise<CaseDto> {
    const qb = this.readable(principal).select(caseJson('c'), 'dto').andWhere('c.id = :caseId', { caseId }).setParameter(CASE_NOW, this.clock.now());
    const [row] = await getRawPrepared<{ dto: CaseDto }>(qb);
    if (!row) throw DomainException.notFound('Case');
    return row.dto;
  }

  async dto(caseId: string, manager: EntityManager = this.ds.manager): Promise<CaseDto> {
    const c = await manager.getRepository(ServiceCase).createQueryBuilder('c').withDeleted().where('c.id = :caseId', { caseId }).getOneOrFail();
    const [names]: { customer: string | null; owner: string | null }[] = await manager.query(
      `SELECT (SELECT name FROM customers WHERE id = $1) AS customer, (SELECT name FROM users WHERE id = $2) AS owner`,
      [c.customerId, c.ownerId],
    );
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
    // Unprepared: with the filters and scopes varying, a generic plan can walk the wrong index.
    return paginateJson<ServiceCase, CaseDto>(qb.setParameter(CASE_NOW, this.clock.now()), { sort, cursor: q.cursor, limit: q.limit, count: q.count }, caseJson('c'));
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
}
