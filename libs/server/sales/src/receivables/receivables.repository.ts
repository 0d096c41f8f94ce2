import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReceivableStatus, type ListReceivablesQuery, type Page, type ReceivableDto } from '@kehu/contracts';
import { applyScope, DomainException, paginate, parseSort, type Principal } from '@kehu/server-core';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Payment, ReceivableInstalment } from './receivable.entity';
import { toReceivableDto } from './receivable.mapper';

const id = { expression: 'i.id', key: 'id' };
const sorts = {
  dueDate: { expression: 'i.due_date', key: 'dueDate' },
  amount: { expression: 'i.amount', key: 'amount' },
  createdAt: { expression: 'i.created_at', key: 'createdAt' },
};

/** Instalments are scoped through their contract's owner / department (joined once). */
@Injectable()
export class ReceivablesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<ReceivableInstalment> {
    const qb = manager.getRepository(ReceivableInstalment).createQueryBuilder('i').innerJoinAndSelect('i.contract', 'c').andWhere('c.deleted_at IS NULL');
    return applyScope(qb, principal, permission, { owner: 'c.owner_id', department: 'c.department_id' });
  }

  /** With its contract; `lock` takes the instalment's row lock (payments serialise on it). */
  async get(principal: Principal, instalmentId: string, permission: string, manager?: EntityManager, lock = false): Promise<ReceivableInstalment> {
    const qb = this.scoped(principal, permission, manager).andWhere('i.id = :instalmentId', { instalmentId });
    if (lock) qb.setLock('pessimistic_write', undefined, ['i']);
    const i = await qb.getOne();
    if (!i) throw DomainException.notFound('Receivable');
    return i;
  }

  async dto(instalmentId: string, today: string, manager: EntityManager = this.ds.manager): Promise<ReceivableDto> {
    const i = await manager.getRepository(ReceivableInstalment).findOneOrFail({ where: { id: instalmentId }, relations: { contract: true } });
    const payments = await manager.find(Payment, { where: { instalmentId }, order: { receivedOn: 'ASC', createdAt: 'ASC' } });
    return toReceivableDto(i, today, payments);
  }

  /** A contract's plan by due date, with payments (two queries). */
  async plan(contractId: string, today: string, manager: EntityManager = this.ds.manager): Promise<ReceivableDto[]> {
    const rows = await manager.getRepository(ReceivableInstalment).find({ where: { contractId }, relations: { contract: true }, order: { dueDate: 'ASC', createdAt: 'ASC' } });
    const payments = rows.length ? await manager.find(Payment, { where: { instalmentId: In(rows.map((r) => r.id)) }, order: { receivedOn: 'ASC', createdAt: 'ASC' } }) : [];
    return rows.map((r) => toReceivableDto(r, today, payments.filter((p) => p.instalmentId === r.id)));
  }

  /** Across contracts in scope; status is computed in SQL against today (by the clock). */
  list(principal: Principal, q: ListReceivablesQuery, today: string): Promise<Page<ReceivableDto>> {
    const qb = this.scoped(principal, 'sales.contract.read');
    const p = { today };
    switch (q.status) {
      case ReceivableStatus.PAID:
        qb.andWhere('i.received >= i.amount');
        break;
      case ReceivableStatus.OVERDUE:
        qb.andWhere('i.received < i.amount AND i.due_date < :today', p);
        break;
      case ReceivableStatus.PARTIAL:
        qb.andWhere('i.received > 0 AND i.received < i.amount AND i.due_date >= :today', p);
        break;
      case ReceivableStatus.PENDING:
        qb.andWhere('i.received = 0 AND i.due_date >= :today', p);
        break;
    }
    if (q.ownerId) qb.andWhere('c.owner_id = :ownerId', { ownerId: q.ownerId });
    if (q.customerId) qb.andWhere('c.customer_id = :customerId', { customerId: q.customerId });
    if (q.contractId) qb.andWhere('i.contract_id = :contractId', { contractId: q.contractId });
    if (q.dueBefore) qb.andWhere('i.due_date <= :dueBefore', { dueBefore: q.dueBefore });
    const sort = parseSort(q.sort, sorts, 'dueDate', id);
    return paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, (i) => toReceivableDto(i, today));
  }
}
