import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A user's in-app inbox. Jobs write many at once with INSERT … SELECT … ON CONFLICT DO
 * NOTHING: `dedupe_key` makes a daily reminder job idempotent (one "returns in 3 days"
 * per customer and return date, however often the job runs or on how many replicas).
 */
@Entity('notifications')
@Index('notifications_user_idx', ['userId', 'createdAt'])
@Index('notifications_dedupe_uq', ['userId', 'dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  entityType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
