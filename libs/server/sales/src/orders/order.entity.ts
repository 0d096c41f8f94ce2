import { Customer } from '@kehu/server-customers';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';
import { numericTransformer } from '../opportunities/opportunity.entity';

/**
 * An order (订单): lines and totals computed by the server, a status with one timestamp
 * column per status (placed_at / paid_at drive analytics, grading and commissions) and a
 * timeline of status events. Keyset and partial indexes are written in the migration.
 */
@Entity('orders')
@Index('orders_number_uq', ['number'], { unique: true })
@Index('orders_external_uq', { synchronize: false })
@Index('orders_customer_placed_idx', { synchronize: false })
@Index('orders_owner_keyset_idx', { synchronize: false })
@Index('orders_department_keyset_idx', { synchronize: false })
@Index('orders_keyset_idx', { synchronize: false })
@Index('orders_paid_idx', { synchronize: false })
@Index('orders_opportunity_idx', { synchronize: false })
export class Order extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  number: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @Column({ type: 'uuid', nullable: true })
  opportunityId: string | null;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ type: 'varchar', length: 3, default: 'CNY' })
  currency: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  subtotal: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  discountTotal: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  total: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ type: 'timestamptz' })
  placedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  shippedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  externalSource: string | null;
}

/** A line; replaced as a whole when the lines change. */
@Entity('order_lines')
@Index('order_lines_order_idx', ['orderId', 'position'])
export class OrderLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @ManyToOne(() => Order, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Order;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'uuid', nullable: true })
  productId: string | null;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  @Column({ type: 'numeric', precision: 18, scale: 4, transformer: numericTransformer })
  quantity: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  unitPrice: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0, transformer: numericTransformer })
  discountPercent: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  lineTotal: number;
}

/** One step of the status timeline: who moved the order to which status, when, why. */
@Entity('order_status_events')
@Index('order_status_events_order_idx', ['orderId', 'at'])
export class OrderStatusEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @ManyToOne(() => Order, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Order;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  by: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
