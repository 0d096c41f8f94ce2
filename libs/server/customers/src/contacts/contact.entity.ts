import { Column, Entity, Index, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

/**
 * A person at a customer. A contact has no owner of its own: `ownerId` / `departmentId` are
 * its customer's, read through it (the data-scope filter joins customers), so moving a
 * customer never rewrites its contacts. Keyset, GIN and trigram indexes are written by
 * hand in the migration; the `synchronize: false` ones here document them for the schema check.
 */
@Entity('contacts')
@Index('contacts_keyset_idx', { synchronize: false })
@Index('contacts_customer_keyset_idx', { synchronize: false })
@Index('contacts_name_keyset_idx', { synchronize: false })
@Index('contacts_name_trgm_idx', { synchronize: false })
@Index('contacts_search_bigrams_idx', { synchronize: false })
@Index('contacts_reach_trgm_idx', { synchronize: false })
@Index('contacts_phones_idx', { synchronize: false })
@Index('contacts_emails_idx', { synchronize: false })
// Segment counts: (customer_id) INCLUDE (id, consent masks), written by the consent-masks migration.
@Index('contacts_segment_idx', { synchronize: false })
@Index('contacts_primary_uq', ['customerId'], { unique: true, where: 'is_primary AND deleted_at IS NULL' })
@Index('contacts_external_uq', ['externalSource', 'externalId'], { unique: true, where: 'deleted_at IS NULL AND external_id IS NOT NULL' })
export class Contact extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  department: string | null;

  /** E.164 */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  phones: string[];

  /** Lower-cased. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emails: string[];

  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatId: string | null;

  @Column({ type: 'date', nullable: true })
  birthday: string | null;

  @Column({ type: 'boolean', default: false })
  isPrimary: boolean;

  /** The customer's owner (not stored on the contact). */
  @VirtualColumn({ type: 'uuid', query: (alias) => `SELECT owner_id FROM customers WHERE id = ${alias}.customer_id` })
  ownerId: string | null;

  /** The customer's department (not stored on the contact). */
  @VirtualColumn({ type: 'uuid', query: (alias) => `SELECT department_id FROM customers WHERE id = ${alias}.customer_id` })
  departmentId: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  preferredChannel: string | null;

  /** `HH:MM-HH:MM` */
  @Column({ type: 'varchar', length: 11, nullable: true })
  preferredHours: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  externalSource: string | null;

  /**
   * Channels opted in / out as bits (contact_channel_bit), kept by triggers on contact_consents
   * for segment counts; never read or written through the entity.
   */
  @Column({ type: 'smallint', default: 0, select: false, insert: false, update: false })
  consentOptIn: number;

  @Column({ type: 'smallint', default: 0, select: false, insert: false, update: false })
  consentOptOut: number;
}
