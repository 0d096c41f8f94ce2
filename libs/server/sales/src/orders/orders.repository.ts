import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ListOrdersQuery, OrderDto, Page } from '@kehu/contracts';
import { applyScope, DomainException, paginate, parseSort, type Principal, likePattern } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Order, OrderLine, OrderStatusEvent } from './order.entity';
import { toOrderDto } from './order.mapper';

const id = { expression: 'o.id', key: 'id' };
const sorts = {
  placedAt: { expression: 'o.placed_at', key: 'placedAt' },
  total: { expression: 'o.total', key: 'total' },
  createdAt: { expression: 'o.created_at', key: 'createdAt' },
};

/** Every order query; the data scope (owner / department) is applied here, once. */
@Injectable()
export class OrdersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<Order> {
    return applyScope(manager.getRepository(Order).createQueryBuilder('o'), principal, permission, { owner: 'o.owner_id', department: 'o.department_id' });
  }

  /** Out of scope reads as absent (404). `lock` takes the row lock for status moves. */
  async get(principal: Principal, orderId: string, permission = 'sales.order.read', manager?: EntityManager, lock = false): Promise<Order> {
    const qb = this.scoped(principal, permission, manager).andWhere('o.id = :orderId', { orderId });
    if (lock) qb.setLock('pessimistic_write');
    const o = await qb.getOne();
    if (!o) throw DomainException.notFound('Order');
    return o;
  }

  /** With lines, timeline and the customer's name. */
  async dto(orderId: string, manager: EntityManager = this.ds.manager): Promise<OrderDto> {
    const o = await manager.getRepository(Order).createQueryBuilder('o').withDeleted().leftJoin('o.customer', 'c').addSelect(['c.id', 'c.name']).where('o.id = :orderId', { orderId }).getOneOrFail();
    const [lines, events] = await Promise.all([
      manager.find(OrderLine, { where: { orderId }, order: { position: 'ASC' } }),
      manager.find(OrderStatusEvent, { where: { orderId }, order: { at: 'ASC', id: 'ASC' } }),
    ]);
    return toOrderDto(o, lines, events);
  }

  /** Newest placed first by default; lists carry no lines or timeline. */
  list(principal: Principal, q: ListOrdersQuery): Promise<Page<OrderDto>> {
    const qb = this.scoped(principal, 'sales.order.read').leftJoin('o.customer', 'c').addSelect(['c.id', 'c.name']);
    if (q.customerId) qb.andWhere('o.customer_id = :customerId', { customerId: q.customerId });
    if (q.ownerId) qb.andWhere('o.owner_id = :ownerId', { ownerId: q.ownerId });
    if (q.opportunityId) qb.andWhere('o.opportunity_id = :opportunityId', { opportunityId: q.opportunityId });
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.placedFrom) qb.andWhere(`o.placed_at >= (CAST(:placedFrom AS date)::timestamp AT TIME ZONE 'Asia/Shanghai')`, { placedFrom: q.placedFrom });
    if (q.placedTo) qb.andWhere(`o.placed_at < ((CAST(:placedTo AS date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`, { placedTo: q.placedTo });
    if (q.q) qb.andWhere('o.number ILIKE :q', { q: likePattern(q.q) });
    const sort = parseSort(q.sort, sorts, '-placedAt', id);
    return paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, (o) => toOrderDto(o));
  }
}
