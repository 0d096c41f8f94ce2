import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { numericTransformer } from '../opportunities/opportunity.entity';

/**
 * A sales target (销售目标) for a month or quarter at company, department or user level.
 * Unique per period + level + subject + metric (expression index in the migration, the
 * company has no subject). `department_id` / `owner_id` carry the data scope: a user
 * target sits in the user's department.
 */
@Entity('sales_targets')
@Index('sales_targets_uq', { synchronize: false })
@Index('sales_targets_period_idx', ['period', 'level'])
export class SalesTarget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `2026-11` or `2026-Q4`. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'varchar', length: 12 })
  level: string;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'varchar', length: 20 })
  metric: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  value: number;

  /** The user target's user (scope own). */
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  /** The department target's department, or the user target's user's department (scope department). */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
