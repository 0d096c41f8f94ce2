import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../opportunities/opportunity.entity';

/** A one-off bonus per developed customer and/or a percentage of its paid orders for N months. */
@Entity('commission_rules')
export class CommissionRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericTransformer })
  bonusAmount: number | null;

  @Column({ type: 'varchar', length: 20, default: 'customer_created' })
  bonusTrigger: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  ratePercent: number | null;

  @Column({ type: 'smallint', nullable: true })
  months: number | null;

  @Column({ type: 'varchar', length: 3, default: 'CNY' })
  currency: string;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}

/** A rep's commission for a month (Asia/Shanghai) in one currency; a confirmed one is frozen. */
@Entity('commission_statements')
@Index('commission_statements_uq', ['userId', 'period', 'currency'], { unique: true })
@Index('commission_statements_period_idx', ['period', 'departmentId'])
export class CommissionStatement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: string;

  @Column({ type: 'varchar', length: 3, default: 'CNY' })
  currency: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0, transformer: numericTransformer })
  total: number;

  @Column({ type: 'integer', default: 0 })
  lineCount: number;

  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

@Entity('commission_statement_lines')
@Index('commission_statement_lines_statement_idx', ['statementId', 'occurredAt'])
export class CommissionStatementLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  statementId: string;

  @ManyToOne(() => CommissionStatement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'statement_id' })
  statement?: CommissionStatement;

  @Column({ type: 'varchar', length: 12 })
  kind: string;

  @Column({ type: 'uuid' })
  ruleId: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericTransformer })
  basisAmount: number | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  ratePercent: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: numericTransformer })
  bonusAmount: number | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}
