import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

/** An outgoing webhook: which event patterns are POSTed to which URL, signed with `secret`. Company-wide configuration. */
@Entity('webhook_subscriptions')
@Index('webhook_subscriptions_keyset_idx', { synchronize: false })
export class WebhookSubscription extends RecordColumns {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 2000 }) url: string;
  /** `customer.*`, `case.resolved`, `*`. */
  @Column({ type: 'varchar', length: 80, array: true }) events: string[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'varchar', length: 500, nullable: true }) pausedReason: string | null;
  /** The HMAC key; leaves the server only in the answers to create and rotate-secret. */
  @Column({ type: 'varchar', length: 100, select: false }) secret: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) description: string | null;
  /** Deliveries that ended failed since the last 2xx. */
  @Column({ type: 'int', default: 0 }) consecutiveFailures: number;
}
