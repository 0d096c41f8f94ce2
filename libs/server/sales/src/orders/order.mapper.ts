import type { OrderDto, OrderStatus } from '@kehu/contracts';
import type { Order, OrderLine, OrderStatusEvent } from './order.entity';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function toOrderDto(o: Order, lines: OrderLine[] = [], events: OrderStatusEvent[] = []): OrderDto {
  return {
    id: o.id,
    number: o.number,
    customerId: o.customerId,
    customerName: o.customer?.name ?? null,
    opportunityId: o.opportunityId,
    ownerId: o.ownerId,
    departmentId: o.departmentId,
    status: o.status as OrderStatus,
    currency: o.currency,
    subtotal: o.subtotal,
    discountTotal: o.discountTotal,
    total: o.total,
    note: o.note,
    placedAt: o.placedAt.toISOString(),
    confirmedAt: iso(o.confirmedAt),
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    deliveredAt: iso(o.deliveredAt),
    returnedAt: iso(o.returnedAt),
    cancelledAt: iso(o.cancelledAt),
    externalId: o.externalId,
    externalSource: o.externalSource,
    lines: [...lines].sort((a, b) => a.position - b.position).map((l) => ({
      id: l.id,
      position: l.position,
      productId: l.productId,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      lineTotal: l.lineTotal,
    })),
    events: events.map((e) => ({ status: e.status as OrderStatus, at: e.at.toISOString(), by: e.by, note: e.note })),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    version: o.version,
  };
}
