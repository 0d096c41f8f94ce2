import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a trigger refuses UPDATE and DELETE (see migration). */
@Entity('audit_events')
@Index('audit_events_entity_idx', ['entityType', 'entityId', 'occurredAt'])
@Index('audit_events_actor_idx', ['actorId', 'occurredAt'])
@Index('audit_events_time_idx', ['occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** Who pressed the button (a clerk when delegated); null for the system. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The user the actor acted for (代录入), else null. */
  @Column({ type: 'uuid', nullable: true })
  onBehalfOfId: string | null;

  @Column({ type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 60 })
  entityType: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  /** `{ field: { before, after } }` */
  @Column({ type: 'jsonb', nullable: true })
  changes: Record<string, { before: unknown; after: unknown }> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
