import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

/**
 * A person at a customer. `ownerId` / `departmentId` are copied from the customer (and
 * kept in step by a trigger on customers, see the migration), so the data-scope filter
 * is one indexed condition on this table. Keyset, GIN and trigram indexes are written by
 * hand in the migration; the `synchronize: false` ones here document them for the schema check.
 */
@Entity('contacts')
@Index('contacts_keyset_idx', { synchronize: false })
@Index('contacts_customer_keyset_idx', { synchronize: false })
@Index('contacts_owner_keyset_idx', { synchronize: false })
@Index('contacts_department_keyset_idx', { synchronize: false })
@Index('contacts_name_keyset_idx', { synchronize: false })
@Index('contacts_name_trgm_idx', { synchronize: false })
@Index('contacts_search_bigrams_idx', { synchronize: false })
@Index('contacts_reach_trgm_idx', { synchronize: false })
@Index('contacts_phones_idx', { synchronize: false })
@Index('contacts_emails_idx', { synchronize: false })
@Index('contacts_deleted_customer_idx', { synchronize: false })
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

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'uuid', nullable: true })
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
}
