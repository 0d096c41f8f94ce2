import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

/**
 * A lead (线索): unqualified interest, captured from the UI/API, imports and web
 * forms, assigned by rules or by hand, converted into customer + contact (+ opportunity).
 *
 * Scope columns: `owner_id` (null = waiting in the unassigned queue) and `department_id`
 * (the owner's department; for a queue lead the department of the matching rule's target,
 * or null when no rule matched — then only callers with `all` scope see it).
 * Keyset, queue, open-per-owner and trigram indexes are written by hand in the migration;
 * the `synchronize: false` markers document them for the schema check.
 */
@Entity('leads')
@Index('leads_keyset_idx', { synchronize: false })
@Index('leads_updated_keyset_idx', { synchronize: false })
@Index('leads_name_keyset_idx', { synchronize: false })
@Index('leads_owner_keyset_idx', { synchronize: false })
@Index('leads_department_keyset_idx', { synchronize: false })
@Index('leads_status_keyset_idx', { synchronize: false })
@Index('leads_source_keyset_idx', { synchronize: false })
@Index('leads_campaign_keyset_idx', { synchronize: false })
@Index('leads_province_keyset_idx', { synchronize: false })
@Index('leads_queue_idx', { synchronize: false })
@Index('leads_open_owner_idx', { synchronize: false })
@Index('leads_person_name_trgm_idx', { synchronize: false })
@Index('leads_search_bigrams_idx', { synchronize: false })
@Index('leads_company_name_trgm_idx', { synchronize: false })
@Index('leads_web_form_keyset_idx', { synchronize: false })
@Index('leads_phone_idx', ['phone'], { where: 'deleted_at IS NULL' })
@Index('leads_email_idx', ['email'], { where: 'deleted_at IS NULL' })
@Index('leads_customer_idx', ['customerId'], { where: 'customer_id IS NOT NULL' })
@Index('leads_external_uq', ['externalSource', 'externalId'], { unique: true, where: 'deleted_at IS NULL AND external_id IS NOT NULL' })
export class Lead extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  personName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  companyName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  /** E.164 */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** Lower-cased. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatId: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  province: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry: string | null;

  @Column({ type: 'varchar', length: 20, default: 'other' })
  source: string;

  /** No foreign key yet: marketing comes later. */
  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @Column({ type: 'varchar', length: 20, default: 'new' })
  status: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  disqualifiedReason: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  notes: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  /** The rule that assigned or queued it. */
  @Column({ type: 'uuid', nullable: true })
  assignmentRuleId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  /** Newest follow-up logged on the lead; kept in the follow-up's transaction. */
  @Column({ type: 'timestamptz', nullable: true })
  lastContactedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  customFields: Record<string, unknown>;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  externalSource: string | null;

  /** Set by conversion. */
  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  contactId: string | null;

  @Column({ type: 'uuid', nullable: true })
  opportunityId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  convertedAt: Date | null;

  /** The web form that captured it (no foreign key: forms are soft-deleted, leads keep the link). */
  @Column({ type: 'uuid', nullable: true })
  webFormId: string | null;

  /** Web-form capture: the earliest live lead with the same phone or e-mail (flagged, never refused). */
  @Column({ type: 'uuid', nullable: true })
  duplicateOfId: string | null;
}
