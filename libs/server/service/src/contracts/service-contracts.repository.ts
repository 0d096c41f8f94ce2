import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListServiceContractsQuery, Page, ServiceContractDto } from '@kehu/contracts';
import { applyScope, DomainException, likePattern, paginate, parseSort, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { contractStatusOn, statusSql } from './service-contract-rules';
import { ServiceContract } from './service-contract.entity';

const id = { expression: 'sc.id', key: 'id' };
const sorts = {
  createdAt: { expression: 'sc.created_at', key: 'createdAt' },
  endDate: { expression: 'sc.end_date', key: 'endDate' },
  startDate: { expression: 'sc.start_date', key: 'startDate' },
  number: { expression: 'sc.number', key: 'number' },
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toServiceContractDto(c: ServiceContract, today: string, extra: { customerName?: string | null; caseCount?: number | null; visitsUsed?: number | null } = {}): ServiceContractDto {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    customerId: c.customerId,
    customerName: extra.customerName ?? null,
    level: c.level,
    startDate: c.startDate,
    endDate: c.endDate,
    status: contractStatusOn(c, today),
    slaTargets: c.slaTargets,
    visitsIncluded: c.visitsIncluded,
    visitsUsed: extra.visitsUsed ?? null,
    caseCount: extra.caseCount ?? null,
    notes: c.notes,
    ownerId: c.ownerId,
    departmentId: c.departmentId,
    terminatedAt: iso(c.terminatedAt),
    terminationReason: c.terminationReason,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    createdBy: c.createdBy,
    version: c.version,
  };
}

/** Every service-contract query; the data scope (account manager / department) is applied here, once. */
@Injectable()
export class ServiceContractsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<ServiceContract> {
    return applyScope(manager.getRepository(ServiceContract).createQueryBuilder('sc'), principal, permission, { owner: 'sc.owner_id', department: 'sc.department_id' });
  }

  async get(principal: Principal, contractId: string, permission = 'service.contract.read', manager?: EntityManager, lock = false): Promise<ServiceContract> {
    const qb = this.scoped(principal, permission, manager).andWhere('sc.id = :contractId', { contractId });
    if (lock) qb.setLock('pessimistic_write');
    const c = await qb.getOne();
    if (!c) throw DomainException.notFound('ServiceContract');
    return c;
  }

  /** With the customer's name, the number of cases raised under it and the included visits used. */
  async dto(contractId: string, today: string, manager: EntityManager = this.ds.manager): Promise<ServiceContractDto> {
    const c = await manager.getRepository(ServiceContract).createQueryBuilder('sc').withDeleted().where('sc.id = :contractId', { contractId }).getOneOrFail();
    const [row]: { customer_name: string | null; case_count: number; visits_used: number }[] = await manager.query(
      `SELECT (SELECT name FROM customers WHERE id = $2) AS customer_name,
              (SELECT count(*)::int FROM service_cases WHERE service_contract_id = $1 AND deleted_at IS NULL) AS case_count,
              (SELECT count(*)::int FROM work_orders WHERE service_contract_id = $1 AND status = 'completed' AND billable = false AND deleted_at IS NULL) AS visits_used`,
      [contractId, c.customerId],
    );
    return toServiceContractDto(c, today, { customerName: row.customer_name, caseCount: row.case_count, visitsUsed: row.visits_used });
  }

  async list(principal: Principal, q: ListServiceContractsQuery, today: string): Promise<Page<ServiceContractDto>> {
    const qb = this.scoped(principal, 'service.contract.read');
    if (q.customerId) qb.andWhere('sc.customer_id = :customerId', { customerId: q.customerId });
    if (q.ownerId) qb.andWhere('sc.owner_id = :ownerId', { ownerId: q.ownerId });
    if (q.status) qb.andWhere(statusSql[q.status], { today });
    if (q.endingBefore) qb.andWhere('sc.end_date <= :endingBefore', { endingBefore: q.endingBefore });
    if (q.q) qb.andWhere('(sc.number ILIKE :q OR sc.name ILIKE :q)', { q: likePattern(q.q) });
    const sort = parseSort(q.sort, sorts, '-createdAt', id);
    const page = await paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count });
    const customerIds = [...new Set(page.data.map((c) => c.customerId))];
    const names: { id: string; name: string }[] = customerIds.length ? await this.ds.query(`SELECT id, name FROM customers WHERE id = ANY($1)`, [customerIds]) : [];
    const nameOf = new Map(names.map((r) => [r.id, r.name]));
    return { ...page, data: page.data.map((c) => toServiceContractDto(c, today, { customerName: nameOf.get(c.customerId) ?? null })) };
  }

  /** The contract in force for a customer on a day (the one running longest when several overlap), whoever may read it. */
  async inForce(m: EntityManager, customerId: string, today: string): Promise<ServiceContract | null> {
    return m
      .getRepository(ServiceContract)
      .createQueryBuilder('sc')
      .where('sc.customer_id = :customerId', { customerId })
      .andWhere(statusSql.active, { today })
      .orderBy('sc.end_date', 'DESC')
      .addOrderBy('sc.id', 'DESC')
      .getOne();
  }
}
