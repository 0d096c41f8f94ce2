import { Customer } from '@kehu/server-customers';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

export interface ActivityParticipant {
  userId: string | null;
  name: string | null;
}

/**
 * A follow-up (跟进记录) on a customer: call, visit, meeting, e-mail, note or task.
 *
 * `customer_id` is part of the primary key and never changes after insert, so the table
 * can later be distributed by customer id (Citus needs the distribution column in every
 * unique constraint); lookups by id alone still use the key's leading column.
 * The keyset and partial indexes are written by hand in the migration (DESC order,
 * partial WHERE), so they are declared `synchronize: false` here for the schema check.
 */
@Entity('activities')
@Index('activities_customer_keyset_idx', { synchronize: false })
@Index('activities_owner_keyset_idx', { synchronize: false })
@Index('activities_department_keyset_idx', { synchronize: false })
@Index('activities_contact_keyset_idx', { synchronize: false })
@Index('activities_keyset_idx', { synchronize: false })
@Index('activities_open_tasks_idx', { synchronize: false })
export class Activity extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

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

  /** A contact of the customer. */
  @Column({ type: 'uuid', nullable: true })
  contactId: string | null;

  /** No foreign key yet: leads come later. */
  @Column({ type: 'uuid', nullable: true })
  leadId: string | null;

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
