import { Injectable } from '@nestjs/common';
import {
  DataScope,
  ErrorCode,
  ORDER_TRANSITIONS,
  OpportunityStatus,
  OrderStatus,
  type ChangeOrderStatusDto,
  type CreateOrderDto,
  type OrderDto,
  type OrderLineInputDto,
  type UpdateOrderDto,
  type UpsertOrderDto,
} from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, fieldError, OutboxService, type Principal, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import { Customer, CustomersRepository } from '@kehu/server-customers';
import { User } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { GradingService } from '../grading/grading.service';
import { OpportunitiesRepository } from '../opportunities/opportunities.repository';
import { PriceResolver } from '../price-lists/price-resolver';
import { Product } from '../products/product.entity';
import { checkCurrency } from '../products/revenue-errors';
import { computeOrder, type ComputedOrder } from './order-lines';
import { Order, OrderLine, OrderStatusEvent } from './order.entity';
import { OrdersRepository } from './orders.repository';

/** The timestamp column each status stamps. */
const stampOf: Record<OrderStatus, keyof Order> = {
  [OrderStatus.PLACED]: 'placedAt',
  [OrderStatus.CONFIRMED]: 'confirmedAt',
  [OrderStatus.PAID]: 'paidAt',
  [OrderStatus.SHIPPED]: 'shippedAt',
  [OrderStatus.DELIVERED]: 'deliveredAt',
  [OrderStatus.RETURNED]: 'returnedAt',
  [OrderStatus.CANCELLED]: 'cancelledAt',
};
/** Lines may change until the order is paid. */
const EDITABLE = new Set<string>([OrderStatus.PLACED, OrderStatus.CONFIRMED]);
/** Statuses whose change moves the customer's revenue (grading is recomputed). */
const REVENUE_MOVES = new Set<string>([OrderStatus.PAID, OrderStatus.DELIVERED, OrderStatus.RETURNED, OrderStatus.CANCELLED]);

const transitionError = (from: string, to: string) =>
  new DomainException(ErrorCode.ORDER_STATUS_TRANSITION, `An order cannot go from ${from} to ${to}.`, { extensions: { from, to, allowed: ORDER_TRANSITIONS[from as OrderStatus] ?? [] } });

const lineSummary = (o: OrderDto) => o.lines.map((l) => ({ productId: l.productId, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent }));

/** Orders (订单): server-side totals, a status timeline, the ERP upsert and orders from won opportunities. */
@Injectable()
export class OrdersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: OrdersRepository,
    private readonly customers: CustomersRepository,
    private readonly opportunities: OpportunitiesRepository,
    private readonly prices: PriceResolver,
    private readonly grading: GradingService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  create(principal: Principal, dto: CreateOrderDto): Promise<OrderDto> {
    return this.tx.run(async (m) => {
      const customer = await this.customers.linkable(principal, dto.customerId, m);
      if (dto.opportunityId) await this.checkOpportunity(m, principal, dto.opportunityId, dto.customerId);
      const computed = await computeOrder(m, this.prices, customer.id, dto.lines, checkCurrency(dto.currency));
      return this.insert(m, principal, customer, computed, { opportunityId: dto.opportunityId ?? null, ownerId: dto.ownerId, note: dto.note ?? null, placedAt: dto.placedAt ? new Date(dto.placedAt) : this.clock.now() });
    });
  }

  /**
   * A won opportunity becomes an order: its line items are copied (a line whose product
   * code names a live product links to it), or one line with its name and amount. 409
   * OPPORTUNITY_NOT_WON unless won; 409 ALREADY_EXISTS when it already has an order.
   */
  fromOpportunity(principal: Principal, opportunityId: string): Promise<OrderDto> {
    return this.tx.run(async (m) => {
      const o = await this.opportunities.get(principal, opportunityId, 'sales.opportunity.read', m);
      if (o.status !== OpportunityStatus.WON) throw new DomainException(ErrorCode.OPPORTUNITY_NOT_WON, 'Only a won opportunity becomes an order.', { extensions: { opportunityStatus: o.status } });
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('order-from-opportunity:' || $1))`, [opportunityId]);
      const existing = await m.findOne(Order, { where: { opportunityId } });
      if (existing) throw new DomainException(ErrorCode.ALREADY_EXISTS, 'This opportunity already has an order.', { extensions: { orderId: existing.id } });
      const customer = await this.customers.linkable(principal, o.customerId, m);
      const items = await this.opportunities.lineItems(o.id, o.customerId, m);
      const codes = items.map((i) => i.productCode).filter((c): c is string => !!c);
      const products = codes.length ? await m.createQueryBuilder(Product, 'p').where('p.code = ANY(:codes) AND p.active', { codes }).getMany() : [];
      const byCode = new Map(products.map((p) => [p.code, p.id]));
      const lines: OrderLineInputDto[] = items.length
        ? items.map((i) => ({ productId: (i.productCode && byCode.get(i.productCode)) || undefined, description: i.productName, quantity: i.quantity, unitPrice: i.unitPrice, discountPercent: i.discountPercent }))
        : [{ description: o.name, quantity: 1, unitPrice: o.amount }];
      const computed = await computeOrder(m, this.prices, customer.id, lines, o.currency);
      return this.insert(m, principal, customer, computed, { opportunityId: o.id, ownerId: o.ownerId, note: null, placedAt: this.clock.now() });
    });
  }

  /** Needs If-Match. Lines only while placed or confirmed (409 ORDER_STATUS_TRANSITION after). */
  update(principal: Principal, orderId: string, version: number, dto: UpdateOrderDto): Promise<OrderDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, orderId, 'sales.order.update', m);
      const beforeDto = await this.repo.dto(orderId, m);
      const changes: Partial<Order> = {};
      if (dto.note !== undefined) changes.note = dto.note || null;
      if (dto.ownerId !== undefined && dto.ownerId !== before.ownerId) {
        const owner = await this.owner(m, principal, dto.ownerId, null, 'sales.order.update');
        changes.ownerId = owner.id;
        changes.departmentId = owner.departmentId;
      }
      let computed: ComputedOrder | undefined;
      if (dto.lines) {
        if (!EDITABLE.has(before.status)) throw new DomainException(ErrorCode.ORDER_STATUS_TRANSITION, `The lines of a ${before.status} order are fixed.`, { extensions: { orderStatus: before.status } });
        computed = await computeOrder(m, this.prices, before.customerId, dto.lines, before.currency);
        Object.assign(changes, { subtotal: computed.subtotal, discountTotal: computed.discountTotal, total: computed.total });
      }
      await updateVersioned(m, Order, orderId, version, changes, 'Order');
      if (computed) await this.replaceLines(m, orderId, computed);
      const after = await this.repo.dto(orderId, m);
      const changed = diff({ ...beforeDto, lines: lineSummary(beforeDto) } as never, { ...after, lines: lineSummary(after) } as never);
      for (const k of ['version', 'updatedAt']) delete changed[k];
      await this.audit.record(m, { action: 'update', entityType: 'order', entityId: orderId, changes: changed });
      await this.outbox.publish(m, { type: 'order.updated', aggregateType: 'order', aggregateId: orderId, payload: { customerId: after.customerId, fields: Object.keys(changed) } });
      return after;
    });
  }

  /** A step of the timeline, if ORDER_TRANSITIONS allows it (409 ORDER_STATUS_TRANSITION otherwise). Row-locked: two racing moves serialize. */
  changeStatus(principal: Principal, orderId: string, dto: ChangeOrderStatusDto): Promise<OrderDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, orderId, 'sales.order.update', m, true);
      if (!ORDER_TRANSITIONS[before.status as OrderStatus]?.includes(dto.status)) throw transitionError(before.status, dto.status);
      const at = dto.at ? new Date(dto.at) : this.clock.now();
      const [last] = await m.find(OrderStatusEvent, { where: { orderId }, order: { at: 'DESC' }, take: 1 });
      if (at < (last?.at ?? before.placedAt)) throw fieldError('at', 'afterPrevious', 'at must not be before the previous status change');
      await this.moveStatus(m, principal, before, dto.status, at, dto.note ?? null);
      return this.repo.dto(orderId, m);
    });
  }

  /** Only placed or cancelled orders go to the recycle bin (paid ones are revenue: return them instead). */
  remove(principal: Principal, orderId: string): Promise<void> {
    return this.tx.run(async (m) => {
      const o = await this.repo.get(principal, orderId, 'sales.order.delete', m, true);
      if (o.status !== OrderStatus.PLACED && o.status !== OrderStatus.CANCELLED) throw new DomainException(ErrorCode.ORDER_STATUS_TRANSITION, `A ${o.status} order cannot be deleted; return or cancel it.`, { extensions: { orderStatus: o.status } });
      await softDeleteRow(m, Order, orderId, 'Order');
      await this.audit.record(m, { action: 'delete', entityType: 'order', entityId: orderId });
      await this.outbox.publish(m, { type: 'order.deleted', aggregateType: 'order', aggregateId: orderId, payload: { customerId: o.customerId } });
    });
  }

  /**
   * The ERP's upsert by (source, externalId), idempotent: the same body twice changes
   * nothing the second time (no version bump, no audit). Lines and totals are replaced and
   * computed here; the status is set as sent (the ERP is the system of record), stamping
   * its timestamp and a timeline event. Serialized per key with an advisory lock.
   */
  upsertExternal(principal: Principal, source: string, externalId: string, dto: UpsertOrderDto): Promise<{ order: OrderDto; created: boolean }> {
    return this.tx.run(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('order-external:' || $1 || '/' || $2))`, [source, externalId]);
      const existing = await m.getRepository(Order).createQueryBuilder('o').withDeleted().where('o.external_source = :source AND o.external_id = :externalId', { source, externalId }).getOne();
      const customer = await this.customers.linkable(principal, dto.customerId, m);
      if (!existing) {
        const computed = await computeOrder(m, this.prices, customer.id, dto.lines, checkCurrency(dto.currency));
        const placedAt = dto.placedAt ? new Date(dto.placedAt) : this.clock.now();
        const created = await this.insert(m, principal, customer, computed, { opportunityId: null, ownerId: dto.ownerId, note: dto.note ?? null, placedAt, number: dto.number, externalId, externalSource: source });
        if (dto.status && dto.status !== OrderStatus.PLACED) {
          const row = await m.findOneByOrFail(Order, { id: created.id });
          const at = dto.status === OrderStatus.PAID && dto.paidAt ? new Date(dto.paidAt) : this.clock.now();
          await this.moveStatus(m, principal, row, dto.status, at, 'ERP', dto.paidAt ? new Date(dto.paidAt) : undefined);
        }
        return { order: await this.repo.dto(created.id, m), created: true };
      }
      // The existing order must be in the caller's scope (404 otherwise, like any other order).
      const before = await this.repo.get(principal, existing.id, 'sales.order.update', m, true);
      const beforeDto = await this.repo.dto(before.id, m);
      const computed = await computeOrder(m, this.prices, customer.id, dto.lines, checkCurrency(dto.currency) ?? before.currency);
      const changes: Partial<Order> = {};
      if (before.customerId !== customer.id) changes.customerId = customer.id;
      if (computed.currency !== before.currency) changes.currency = computed.currency;
      if (dto.number && dto.number !== before.number) changes.number = dto.number;
      if (dto.note !== undefined && dto.note !== before.note) changes.note = dto.note;
      if (dto.placedAt && new Date(dto.placedAt).getTime() !== before.placedAt.getTime()) changes.placedAt = new Date(dto.placedAt);
      if (dto.ownerId && dto.ownerId !== before.ownerId) {
        const owner = await this.owner(m, principal, dto.ownerId, null, 'sales.order.update');
        changes.ownerId = owner.id;
        changes.departmentId = owner.departmentId;
      }
      const sameLines = JSON.stringify(lineSummary(beforeDto)) === JSON.stringify(computed.lines.map((l) => ({ productId: l.productId, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent })));
      if (!sameLines) Object.assign(changes, { subtotal: computed.subtotal, discountTotal: computed.discountTotal, total: computed.total });
      if (dto.paidAt && before.paidAt?.getTime() !== new Date(dto.paidAt).getTime() && (dto.status ?? before.status) !== OrderStatus.PLACED) changes.paidAt = new Date(dto.paidAt);
      const statusChanges = dto.status !== undefined && dto.status !== before.status;
      if (!Object.keys(changes).length && !statusChanges && !before.deletedAt) return { order: beforeDto, created: false };
      if (before.deletedAt) await m.query(`UPDATE orders SET deleted_at = NULL WHERE id = $1`, [before.id]);
      await updateVersioned(m, Order, before.id, before.version, changes, 'Order');
      if (!sameLines) await this.replaceLines(m, before.id, computed);
      if (statusChanges) {
        const row = await m.findOneByOrFail(Order, { id: before.id });
        const at = dto.status === OrderStatus.PAID && dto.paidAt ? new Date(dto.paidAt) : this.clock.now();
        await this.moveStatus(m, principal, row, dto.status as OrderStatus, at, 'ERP', dto.paidAt ? new Date(dto.paidAt) : undefined);
      } else if (changes.paidAt || changes.customerId || !sameLines) {
        await this.grading.recomputeCustomers(m, [...new Set([before.customerId, customer.id])]);
      }
      const after = await this.repo.dto(before.id, m);
      const changed = diff({ ...beforeDto, lines: lineSummary(beforeDto) } as never, { ...after, lines: lineSummary(after) } as never);
      for (const k of ['version', 'updatedAt', 'events']) delete changed[k];
      await this.audit.record(m, { action: 'upsert', entityType: 'order', entityId: before.id, changes: changed });
      await this.outbox.publish(m, { type: 'order.updated', aggregateType: 'order', aggregateId: before.id, payload: { customerId: after.customerId, fields: Object.keys(changed), externalSource: source, externalId } });
      return { order: after, created: false };
    });
  }

  private async insert(
    m: EntityManager,
    principal: Principal,
    customer: Customer,
    computed: ComputedOrder,
    extra: { opportunityId: string | null; ownerId?: string; note: string | null; placedAt: Date; number?: string; externalId?: string; externalSource?: string },
  ): Promise<OrderDto> {
    const owner = await this.owner(m, principal, extra.ownerId, customer.ownerId, 'sales.order.create');
    const number = extra.number ?? ((await m.query(`SELECT 'SO-' || to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(nextval('order_number_seq')::text, 6, '0') AS n`, [extra.placedAt]))[0].n as string);
    if (extra.number && (await m.getRepository(Order).createQueryBuilder('o').withDeleted().where('o.number = :number', { number }).getExists())) throw fieldError('number', 'unique', 'number is taken by another order');
    const record = {
      number,
      customerId: customer.id,
      opportunityId: extra.opportunityId,
      ownerId: owner.id,
      departmentId: owner.departmentId,
      status: OrderStatus.PLACED,
      currency: computed.currency,
      subtotal: computed.subtotal,
      discountTotal: computed.discountTotal,
      total: computed.total,
      note: extra.note,
      placedAt: extra.placedAt,
      externalId: extra.externalId ?? null,
      externalSource: extra.externalSource ?? null,
    };
    const orderId = (await m.insert(Order, { ...record, createdBy: principal.actorId })).identifiers[0].id as string;
    await m.insert(OrderLine, computed.lines.map((l) => ({ ...l, orderId })));
    await m.insert(OrderStatusEvent, { orderId, status: OrderStatus.PLACED, at: extra.placedAt, by: principal.actorId, note: null });
    const out = await this.repo.dto(orderId, m);
    await this.audit.record(m, { action: 'create', entityType: 'order', entityId: orderId, changes: diff({}, { ...record, placedAt: out.placedAt, lines: lineSummary(out) } as never) });
    await this.outbox.publish(m, { type: 'order.created', aggregateType: 'order', aggregateId: orderId, payload: { customerId: customer.id, number, total: out.total, currency: out.currency, ownerId: out.ownerId, opportunityId: out.opportunityId } });
    return out;
  }

  /** Sets the status and its timestamp, appends the timeline event, audits, publishes; regrades the customer when revenue moved. */
  private async moveStatus(m: EntityManager, principal: Principal, before: Order, status: OrderStatus, at: Date, note: string | null, paidAt?: Date): Promise<void> {
    const changes: Record<string, unknown> = { status, [stampOf[status]]: at };
    if (paidAt && status !== OrderStatus.PLACED && status !== OrderStatus.CANCELLED) changes.paidAt = paidAt;
    await updateVersioned(m, Order, before.id, before.version, changes, 'Order');
    await m.insert(OrderStatusEvent, { orderId: before.id, status, at, by: principal.actorId, note });
    await this.audit.record(m, { action: 'change_status', entityType: 'order', entityId: before.id, changes: diff({ status: before.status }, { status }) });
    const payload = { customerId: before.customerId, from: before.status, to: status, at: at.toISOString(), total: before.total, currency: before.currency, ownerId: before.ownerId };
    await this.outbox.publish(m, { type: 'order.status_changed', aggregateType: 'order', aggregateId: before.id, payload });
    if (status === OrderStatus.PAID) await this.outbox.publish(m, { type: 'order.paid', aggregateType: 'order', aggregateId: before.id, payload });
    if (REVENUE_MOVES.has(status)) await this.grading.recomputeCustomers(m, [before.customerId]);
  }

  private async replaceLines(m: EntityManager, orderId: string, computed: ComputedOrder): Promise<void> {
    await m.delete(OrderLine, { orderId });
    await m.insert(OrderLine, computed.lines.map((l) => ({ ...l, orderId })));
  }

  private async checkOpportunity(m: EntityManager, principal: Principal, opportunityId: string, customerId: string): Promise<void> {
    const o = await this.opportunities.scoped(principal, 'sales.opportunity.read', m).andWhere('o.id = :opportunityId', { opportunityId }).getOne();
    if (!o || o.customerId !== customerId) throw fieldError('opportunityId', 'belongsToCustomer', 'opportunityId must name an opportunity of this customer');
  }

  /**
   * Default: the customer's owner (or the caller when the customer sits in the pool).
   * Another owner than the caller or the customer's owner needs department scope (a user of
   * the caller's departments) or all scope on the permission.
   */
  private async owner(m: EntityManager, principal: Principal, ownerId: string | undefined, customerOwnerId: string | null, permission: string): Promise<{ id: string; departmentId: string | null }> {
    const id = ownerId ?? customerOwnerId ?? principal.userId;
    if (id === principal.userId) return { id, departmentId: principal.departmentId };
    const user = await m.findOne(User, { where: { id, active: true } });
    if (!user) {
      if (!ownerId) return { id: principal.userId, departmentId: principal.departmentId };
      throw fieldError('ownerId', 'exists', 'ownerId does not name an active user');
    }
    if (id !== customerOwnerId) {
      const scope = principal.permissions[permission];
      if (scope !== DataScope.DEPARTMENT && scope !== DataScope.ALL) throw new DomainException(ErrorCode.FORBIDDEN, `Giving an order to another owner needs ${permission} with department or all scope.`);
      if (scope === DataScope.DEPARTMENT && !(user.departmentId && principal.departmentSubtreeIds.includes(user.departmentId))) throw fieldError('ownerId', 'inScope', 'ownerId must be a user of your departments');
    }
    return { id: user.id, departmentId: user.departmentId };
  }
}
