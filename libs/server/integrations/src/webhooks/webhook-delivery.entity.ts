import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WebhookSubscription } from './webhook-subscription.entity';

/** The JSON body of every delivery (`data` is the event's payload). */
export interface WebhookEnvelope {
  id: string;
  type: string;
  occurredAt: string;
  aggregateType: string | null;
  aggregateId: string | null;
  data: Record<string, unknown>;
  actorId: string | null;
}

/**
 * One event (or ping) for one subscription, with its latest attempt. Unique per (subscription,
 * event): the outbox dispatcher delivers at least once, the fan-out inserts at most once.
 */
@Entity('webhook_deliveries')
@Unique('webhook_deliveries_event_uq', ['subscriptionId', 'eventId'])
@Index('webhook_deliveries_pending_idx', { synchronize: false })
@Index('webhook_deliveries_leased_idx', { synchronize: false })
@Index('webhook_deliveries_list_idx', { synchronize: false })
@Index('webhook_deliveries_status_idx', { synchronize: false })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Insertion order = event order: the worker sends a subscription's deliveries by it. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', insert: false, update: false }) seq: string;
  @Column({ type: 'uuid' }) subscriptionId: string;
  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'FK_webhook_deliveries_subscription' })
  subscription?: WebhookSubscription;
  /** The outbox event; null for a ping. */
  @Column({ type: 'bigint', nullable: true }) eventId: string | null;
  @Column({ type: 'varchar', length: 80 }) eventType: string;
  @Column({ type: 'jsonb' }) payload: WebhookEnvelope;
  @Column({ type: 'varchar', length: 10, default: 'pending' }) status: string;
  @Column({ type: 'int', default: 0 }) attempts: number;
  /** Failed attempts since it was queued (or redelivered): the index into the retry schedule. */
  @Column({ type: 'int', default: 0 }) failedAttempts: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) nextAttemptAt: Date;
  /** Set while a worker sends it; an expired lease (a crashed worker) makes it claimable again. */
  @Column({ type: 'timestamptz', nullable: true }) leaseUntil: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastAttemptAt: Date | null;
  @Column({ type: 'int', nullable: true }) lastStatusCode: number | null;
  @Column({ type: 'int', nullable: true }) lastDurationMs: number | null;
  @Column({ type: 'varchar', length: 2000, nullable: true }) lastError: string | null;
  @Column({ type: 'jsonb', nullable: true }) requestHeaders: Record<string, string> | null;
  @Column({ type: 'text', nullable: true }) requestBody: string | null;
  @Column({ type: 'varchar', length: 2048, nullable: true }) responseBody: string | null;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
