import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContractApprovalDto, ListSalesContractsQuery, Page, SalesContractDto, SalesContractTotalsDto } from '@kehu/contracts';
import { applyScope, DomainException, paginate, parseSort, type Principal, likePattern } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { SalesContract, SalesContractApproval } from './sales-contract.entity';
import { toApprovalDto, toSalesContractDto } from './contract.mapper';

const id = { expression: 'c.id', key: 'id' };
const sorts = {
  createdAt: { expression: 'c.created_at', key: 'createdAt' },
  // Unsigned contracts sort last (ascending).
  signedDate: { expression: "coalesce(c.signed_date, 'infinity'::date)", key: 'signedDate', nullValue: 'infinity' },
  endDate: { expression: 'c.end_date', key: 'endDate' },
  amount: { expression: 'c.amount', key: 'amount' },
  number: { expression: 'c.number', key: 'number' },
};


/** Every sales-contract query; the data scope (owner / department) is applied here, once. */
@Injectable()
export class SalesContractsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<SalesContract> {
    return applyScope(manager.getRepository(SalesContract).createQueryBuilder('c'), principal, permission, { owner: 'c.owner_id', department: 'c.department_id' });
  }

  /** Out of scope reads as absent (404). `lock` takes the row lock for a status change. */
  async get(principal: Principal, contractId: string, permission = 'sales.contract.read', manager?: EntityManager, lock = false): Promise<SalesContract> {
    const qb = this.scoped(principal, permission, manager).andWhere('c.id = :contractId', { contractId });
    if (lock) qb.setLock('pessimistic_write');
    const c = await qb.getOne();
    if (!c) throw DomainException.notFound('SalesContract');
    return c;
  }

  /** With receivable totals: getSalesContract and the answers of writes. */
  async dto(contractId: string, today: string, manager: EntityManager = this.ds.manager): Promise<SalesContractDto> {
    const c = await manager.getRepository(SalesContract).createQueryBuilder('c').withDeleted().where('c.id = :contractId', { contractId }).getOneOrFail();
    return toSalesContractDto(c, await this.totals(c, today, manager));
  }

  /** Planned, received, outstanding (amount − received) and overdue (unpaid past due) in one aggregate. */
  async totals(c: Pick<SalesContract, 'id' | 'amount'>, today: string, manager: EntityManager = this.ds.manager): Promise<SalesContractTotalsDto> {
    const [row]: { planned: string; received: string; overdue: string }[] = await manager.query(
      `SELECT coalesce(sum(amount), 0)::text AS planned, coalesce(sum(received), 0)::text AS received,
              coalesce(sum(amount - received) FILTER (WHERE due_date < $2::date AND received < amount), 0)::text AS overdue
         FROM receivable_instalments WHERE contract_id = $1`,
      [c.id, today],
    );
    const received = Number(row.received);
    return { planned: Number(row.planned), received, outstanding: Math.round((c.amount - received) * 100) / 100, overdue: Number(row.overdue) };
  }

  async approvals(contractId: string): Promise<ContractApprovalDto[]> {
    const rows = await this.ds.getRepository(SalesContractApproval).find({ where: { contractId }, order: { createdAt: 'ASC' } });
    return rows.map(toApprovalDto);
  }

  /** Newest first by default; list rows carry no totals (getSalesContract has them). */
  list(principal: Principal, q: ListSalesContractsQuery): Promise<Page<SalesContractDto>> {
    const qb = this.scoped(principal, 'sales.contract.read');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.customerId) qb.andWhere('c.customer_id = :customerId', { customerId: q.customerId });
    if (q.ownerId) qb.andWhere('c.owner_id = :ownerId', { ownerId: q.ownerId });
    if (q.opportunityId) qb.andWhere('c.opportunity_id = :opportunityId', { opportunityId: q.opportunityId });
    if (q.signedFrom) qb.andWhere('c.signed_date >= :signedFrom', { signedFrom: q.signedFrom });
    if (q.signedTo) qb.andWhere('c.signed_date <= :signedTo', { signedTo: q.signedTo });
    if (q.endingBefore) qb.andWhere('c.end_date <= :endingBefore', { endingBefore: q.endingBefore });
    if (q.q) qb.andWhere('(c.number ILIKE :q OR c.title ILIKE :q)', { q: likePattern(q.q) });
    const sort = parseSort(q.sort, sorts, '-createdAt', id);
    return paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, (c) => toSalesContractDto(c));
  }
}
