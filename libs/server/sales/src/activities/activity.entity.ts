import { Customer } from '@kehu/server-customers';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ActivityColumns } from './activity-columns';

export type { ActivityParticipant } from './activity-columns';

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
@Index('activities_lead_keyset_idx', { synchronize: false })
export class Activity extends ActivityColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  /** A contact of the customer. */
  @Column({ type: 'uuid', nullable: true })
  contactId: string | null;

  /** The lead it was logged on before conversion (or a lead it is about); no foreign key: leads may be merged away. */
  @Column({ type: 'uuid', nullable: true })
  leadId: string | null;
}
