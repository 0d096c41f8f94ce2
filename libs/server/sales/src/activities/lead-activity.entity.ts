import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Lead } from '../leads/lead.entity';
import { ActivityColumns } from './activity-columns';

/**
 * A follow-up logged on a lead before it became a customer (跟进记录 on a 线索).
 *
 * Why a table of its own: `activities` is keyed (id, customer_id) so it can be distributed
 * by customer (Citus needs a non-null distribution column in every unique key); a lead has
 * no customer yet, and a nullable customer_id cannot be part of that key. These rows live
 * here, keyed by id (leads are not distributed) and filed under their lead; converting the
 * lead moves them into `activities` with the same ids, the new customer, contact and
 * opportunity, and `lead_id` kept, in the conversion's transaction (see LeadActivitiesMover).
 */
@Entity('lead_activities')
@Index('lead_activities_lead_keyset_idx', { synchronize: false })
export class LeadActivity extends ActivityColumns {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_lead_activities' })
  id: string;

  @Column({ type: 'uuid' })
  leadId: string;

  @ManyToOne(() => Lead, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_id', foreignKeyConstraintName: 'FK_lead_activities_lead' })
  lead?: Lead;
}
