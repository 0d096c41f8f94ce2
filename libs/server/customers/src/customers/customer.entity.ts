import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';

/**
 * The customer master record every module shares. Indexes for the list's filters and
 * sorts are written by hand in the migration (DESC keyset order, GIN), so the
 * ones declared here are `synchronize: false`: documentation for the schema check. Its
 * searchable text (and its GIN indexes) lives in customer_search_terms.
 */
@Entity('customers')
@Index('customers_owner_keyset_idx', { synchronize: false })
@Index('customers_department_keyset_idx', { synchronize: false })
@Index('customers_keyset_idx', { synchronize: false })
@Index('customers_tags_idx', { synchronize: false })
@Index('customers_follow_up_idx', { synchronize: false })
@Index('customers_grade_province_idx', { synchronize: false })
@Index('customers_owner_grade_province_idx', { synchronize: false })
@Index('customers_custom_fields_idx', { synchronize: false })
// Segment counts by province in a scope: written by the marketing segments migration.
@Index('customers_segment_province_idx', { synchronize: false })
// Public pool (公海): written by the sales pools migration.
@Index('customers_pool_follow_up_due_idx', { synchronize: false })
@Index('customers_pool_claim_due_idx', { synchronize: false })
@Index('customers_pool_waiting_idx', { synchronize: false })
@Index('customers_name_key_idx', ['nameKey'], { where: 'deleted_at IS NULL' })
@Index('customers_phone_idx', ['phone'], { where: 'deleted_at IS NULL' })
@Index('customers_email_idx', ['email'], { where: 'deleted_at IS NULL' })
@Index('customers_external_uq', ['externalSource', 'externalId'], { unique: true, where: 'deleted_at IS NULL AND external_id IS NOT NULL' })
export class Customer extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20, default: 'company' })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Company key for duplicate detection (legal suffixes, places, punctuation removed). */
  @Column({ type: 'varchar', length: 200 })
  nameKey: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  shortName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  province: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  /** E.164 */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 20, default: 'other' })
  source: string;

  @Column({ type: 'varchar', length: 20, default: 'prospect' })
  lifecycleStage: string;

  @Column({ type: 'varchar', length: 1, nullable: true })
  grade: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  /** null = in the public pool. */
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  referredByCustomerId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  externalSource: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  customFields: Record<string, unknown>;

  @Column({ type: 'timestamptz', nullable: true })
  lastFollowUpAt: Date | null;

  @Column({ type: 'date', nullable: true })
  nextFollowUpOn: string | null;

  @Column({ type: 'smallint', default: 0 })
  completeness: number;

  /** The rep who first brought the customer in: keeps the credit across pool moves (commissions). */
  @Column({ type: 'uuid', nullable: true })
  developerId: string | null;

  /** The public pool the customer belongs to (returns to, or waits in when ownerless). */
  @Column({ type: 'uuid', nullable: true })
  poolId: string | null;

  /** When the current owner got it (claim, assignment or creation): return rules count from here. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  /** Locked customers never return to the pool. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  /** When it last entered a pool (claims may have to wait some days after that). */
  @Column({ type: 'timestamptz', nullable: true })
  poolEnteredAt: Date | null;

  /** revenue: set by a manual grade override; the grading job leaves the grade alone while set. */
  @Column({ type: 'timestamptz', nullable: true })
  gradeLockedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  gradeReason: string | null;

  /** Set on the losers of a merge. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;
}
