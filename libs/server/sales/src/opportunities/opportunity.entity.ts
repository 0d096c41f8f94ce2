import { Customer } from '@kehu/server-customers';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { RecordColumns } from '@kehu/server-core';
import { Pipeline, PipelineStage } from '../pipelines/pipeline.entity';

/** numeric comes back from pg as a string; amounts here stay below 2^53 cents, so a number is exact. */
export const numericTransformer: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/**
 * An opportunity (商机): a deal with a customer moving through a pipeline's stages.
 *
 * `customer_id` is part of the primary key (like activities) so the table and its child
 * tables can be distributed by customer id later; the children reference
 * `(id, customer_id)` with ON UPDATE CASCADE, so a customer merge moves them along.
 * Keyset, partial and expression indexes are written by hand in the migration, hence
 * `synchronize: false` here for the schema check.
 */
@Entity('opportunities')
@Index('opportunities_pipeline_keyset_idx', { synchronize: false })
@Index('opportunities_owner_keyset_idx', { synchronize: false })
@Index('opportunities_department_keyset_idx', { synchronize: false })
@Index('opportunities_customer_keyset_idx', { synchronize: false })
@Index('opportunities_keyset_idx', { synchronize: false })
@Index('opportunities_updated_keyset_idx', { synchronize: false })
@Index('opportunities_close_date_keyset_idx', { synchronize: false })
@Index('opportunities_amount_keyset_idx', { synchronize: false })
@Index('opportunities_name_trgm_idx', { synchronize: false })
@Index('opportunities_search_bigrams_idx', { synchronize: false })
@Index('opportunities_owner_board_idx', { synchronize: false })
@Index('opportunities_custom_fields_idx', { synchronize: false })
@Index('opportunities_stage_idx', ['stageId'])
export class Opportunity extends RecordColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** A contact of the customer. */
  @Column({ type: 'uuid', nullable: true })
  contactId: string | null;

  /** The lead it was converted from (no foreign key: leads live in their own table). */
  @Column({ type: 'uuid', nullable: true })
  leadId: string | null;

  @Column({ type: 'uuid' })
  pipelineId: string;

  @ManyToOne(() => Pipeline, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pipeline_id' })
  pipeline?: Pipeline;

  @Column({ type: 'uuid' })
  stageId: string;

  @ManyToOne(() => PipelineStage, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stage_id' })
  stage?: PipelineStage;

  /** open | won | lost: the stage's kind, kept here for filters. */
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, default: 0, transformer: numericTransformer })
  amount: number;

  @Column({ type: 'varchar', length: 3, default: 'CNY' })
  currency: string;

  @Column({ type: 'date', nullable: true })
  expectedCloseDate: string | null;

  /** Set by hand; null means the stage's probability applies. */
  @Column({ type: 'smallint', nullable: true })
  probabilityOverride: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  competitor: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  nextStep: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lostReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  wonAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lostAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  stageEnteredAt: Date;

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  customFields: Record<string, unknown>;
}

const opportunityKey = [
  { name: 'opportunity_id', referencedColumnName: 'id' },
  { name: 'customer_id', referencedColumnName: 'customerId' },
];

/** A line of the quote; replaced as a whole on update. Money as numeric, never float. */
@Entity('opportunity_line_items')
@Index('opportunity_line_items_opportunity_idx', ['opportunityId', 'customerId', 'position'])
export class OpportunityLineItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid' })
  opportunityId: string;

  @ManyToOne(() => Opportunity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn(opportunityKey)
  opportunity?: Opportunity;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  productName: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  productCode: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 4, transformer: numericTransformer })
  quantity: number;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: numericTransformer })
  unitPrice: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0, transformer: numericTransformer })
  discountPercent: number;

  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: numericTransformer })
  lineTotal: number;
}

/**
 * One stay of an opportunity in a stage: a move closes the open row and opens the next
 * in the same transaction (time in stage for analytics). At most one open row per
 * opportunity (partial unique index in the migration).
 */
@Entity('opportunity_stage_history')
@Index('opportunity_stage_history_open_idx', { synchronize: false })
@Index('opportunity_stage_history_opportunity_idx', ['opportunityId', 'customerId', 'enteredAt'])
export class OpportunityStageHistory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid' })
  opportunityId: string;

  @ManyToOne(() => Opportunity, { onDelete: 'CASCADE', onUpdate: 'CASCADE' })
  @JoinColumn(opportunityKey)
  opportunity?: Opportunity;

  @Column({ type: 'uuid' })
  stageId: string;

  @ManyToOne(() => PipelineStage, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stage_id' })
  stage?: PipelineStage;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  enteredAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  /** Who moved it here (the actor; a clerk entering for a rep is the clerk). */
  @Column({ type: 'uuid', nullable: true })
  movedBy: string | null;
}
