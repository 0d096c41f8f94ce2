import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A lead's consent for one channel, as a web form's ticked box recorded it — the same
 * shape as a contact's (`contact_consents`), and copied onto the contact when the lead
 * is converted, so marketing sees the choice with its source and time.
 */
@Entity('lead_consents')
export class LeadConsent {
  @PrimaryColumn('uuid')
  leadId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  channel: string;

  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  source: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}
