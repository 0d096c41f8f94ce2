import { DateField, DateTimeField, EnumField, NestedField, NumberField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { MaxDecimals, RevenueLimits } from './money.decorator';
import { OrderStatus } from './order.enums';

export class OrderLineInputDto {
  /** A product of the catalogue: description and unit price default from it (unit price via the customer's price list). */
  @UuidField({ optional: true }) productId?: string;
  /** Required without productId. */
  @StringField({ optional: true, maxLength: RevenueLimits.descriptionMaxLength, minLength: 1, example: 'CRM 专业版年度订阅' }) description?: string;
  @NumberField({ min: 0.0001, max: RevenueLimits.quantityMax, example: 10 }) @MaxDecimals(4) quantity: number;
  /** Required without productId; with a product, default the resolved price. */
  @NumberField({ optional: true, min: 0, max: RevenueLimits.moneyMax, example: 1200 }) @MaxDecimals(2) unitPrice?: number;
  /** 0–100, default 0. */
  @NumberField({ optional: true, min: 0, max: 100, example: 5 }) @MaxDecimals(2) discountPercent?: number;
}

export class OrderLineDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ type: 'integer' }) position: number;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) productId: string | null;
  @ResponseField() description: string;
  @ResponseField({ type: 'number' }) quantity: number;
  @ResponseField({ type: 'number' }) unitPrice: number;
  @ResponseField({ type: 'number' }) discountPercent: number;
  /** quantity × unitPrice × (1 − discountPercent/100), rounded half up to cents. */
  @ResponseField({ type: 'number' }) lineTotal: number;
}

/** One step of the status timeline. */
export class OrderStatusEventDto {
  @ResponseField({ enum: OrderStatus, enumName: 'OrderStatus' }) status: OrderStatus;
  @ResponseField({ format: 'date-time' }) at: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) by: string | null;
  @ResponseField({ type: String, nullable: true }) note: string | null;
}

export class OrderDto {
  @ResponseField({ format: 'uuid' }) id: string;
  /** Generated: SO-YYYYMMDD-NNNNNN (or the ERP's number on upsert). */
  @ResponseField({ example: 'SO-20261125-000001' }) number: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, nullable: true, description: 'In lists and detail.' }) customerName: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) opportunityId: string | null;
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ enum: OrderStatus, enumName: 'OrderStatus' }) status: OrderStatus;
  @ResponseField({ example: 'CNY' }) currency: string;
  /** Σ quantity × unitPrice before discounts. */
  @ResponseField({ type: 'number' }) subtotal: number;
  /** subtotal − total. */
  @ResponseField({ type: 'number' }) discountTotal: number;
  /** Σ line totals. */
  @ResponseField({ type: 'number' }) total: number;
  @ResponseField({ type: String, nullable: true }) note: string | null;
  @ResponseField({ format: 'date-time' }) placedAt: string;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) confirmedAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) paidAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) shippedAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) returnedAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) cancelledAt: string | null;
  @ResponseField({ type: String, nullable: true }) externalId: string | null;
  @ResponseField({ type: String, nullable: true }) externalSource: string | null;
  /** Empty in lists. */
  @ResponseField({ type: [OrderLineDto] }) lines: OrderLineDto[];
  /** Oldest first; empty in lists. */
  @ResponseField({ type: [OrderStatusEventDto] }) events: OrderStatusEventDto[];
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateOrderDto {
  /** A customer you can see. */
  @UuidField() customerId: string;
  /** An opportunity of that customer. */
  @UuidField({ optional: true }) opportunityId?: string;
  /** Default the customer's owner (or you when it sits in the pool). */
  @UuidField({ optional: true }) ownerId?: string;
  /** ISO 4217; default the currency of the products, else CNY. */
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  @StringField({ optional: true, maxLength: RevenueLimits.noteMaxLength }) note?: string;
  /** Default now. */
  @DateTimeField({ optional: true }) placedAt?: string;
  @NestedField(() => OrderLineInputDto, { each: true, minSize: 1, maxSize: RevenueLimits.orderLinesMax }) lines: OrderLineInputDto[];
}

/** Lines can change only while the order is placed or confirmed (409 ORDER_STATUS_TRANSITION otherwise). */
export class UpdateOrderDto {
  @UuidField({ optional: true }) ownerId?: string;
  @StringField({ optional: true, nullable: true, maxLength: RevenueLimits.noteMaxLength }) note?: string | null;
  @NestedField(() => OrderLineInputDto, { optional: true, each: true, minSize: 1, maxSize: RevenueLimits.orderLinesMax }) lines?: OrderLineInputDto[];
}

export class ChangeOrderStatusDto {
  @EnumField(OrderStatus, 'OrderStatus') status: OrderStatus;
  @StringField({ optional: true, maxLength: RevenueLimits.noteMaxLength }) note?: string;
  /** When it happened (e.g. the payment date); default now; not before the previous status change. */
  @DateTimeField({ optional: true }) at?: string;
}

/** The ERP's order: replaces lines and totals; status set as given (no transition check). */
export class UpsertOrderDto {
  @UuidField() customerId: string;
  @StringField({ optional: true, maxLength: 40, minLength: 1 }) number?: string;
  @UuidField({ optional: true }) ownerId?: string;
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  @EnumField(OrderStatus, 'OrderStatus', { optional: true }) status?: OrderStatus;
  @DateTimeField({ optional: true }) placedAt?: string;
  @DateTimeField({ optional: true }) paidAt?: string;
  @StringField({ optional: true, maxLength: RevenueLimits.noteMaxLength }) note?: string;
  @NestedField(() => OrderLineInputDto, { each: true, minSize: 1, maxSize: RevenueLimits.orderLinesMax }) lines: OrderLineInputDto[];
}

export class ListOrdersQuery extends PageQueryDto {
  @UuidField({ optional: true }) customerId?: string;
  @UuidField({ optional: true }) ownerId?: string;
  @UuidField({ optional: true }) opportunityId?: string;
  @EnumField(OrderStatus, 'OrderStatus', { optional: true }) status?: OrderStatus;
  /** placedAt ≥ this day (00:00 Asia/Shanghai). */
  @DateField({ optional: true }) placedFrom?: string;
  /** placedAt before the next day (Asia/Shanghai). */
  @DateField({ optional: true }) placedTo?: string;
  /** Part of the number. */
  @StringField({ optional: true, maxLength: RevenueLimits.searchMaxLength }) q?: string;
  /** placedAt, total, createdAt; prefix - for descending. Default -placedAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}
