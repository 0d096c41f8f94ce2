import { Column } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

export interface ActivityParticipant {
  userId: string | null;
  name: string | null;
}

/**
 * What every follow-up carries, on a customer (`activities`) or still on a lead
 * (`lead_activities`): one shape, so a conversion moves rows column for column.
 */
export abstract class ActivityColumns extends RecordColumns {
  @Column({ type: 'varchar', length: 20 })
  type: string;

  @Column({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  outcome: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'integer', nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  participants: ActivityParticipant[];

  /** No foreign key yet: opportunities come later. */
  @Column({ type: 'uuid', nullable: true })
  opportunityId: string | null;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reminderAt: Date | null;

  @Column({ type: 'boolean', default: false })
  done: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;
}
