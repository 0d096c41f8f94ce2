import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A contact's consent for one channel (one row per contact and channel). A child table,
 * not jsonb, so marketing's "contacts opted in to e-mail" is an index scan.
 */
@Entity('contact_consents')
@Index('contact_consents_channel_status_idx', ['channel', 'status', 'contactId'])
export class ContactConsent {
  @PrimaryColumn('uuid')
  contactId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  channel: string;

  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  source: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  changedBy: string | null;
}
