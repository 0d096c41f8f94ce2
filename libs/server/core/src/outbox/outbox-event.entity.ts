import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A domain event written in the same transaction as the change it announces. */
@Entity('outbox_events')
@Index('outbox_events_pending_idx', ['id'], { where: 'dispatched_at IS NULL' })
@Index('outbox_events_aggregate_idx', ['aggregateType', 'aggregateId', 'id'])
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** `customer.created`, `lead.converted`, … */
  @Column({ type: 'varchar', length: 80 })
  type: string;

  @Column({ type: 'varchar', length: 60 })
  aggregateType: string;

  @Column({ type: 'varchar', length: 64 })
  aggregateId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
