import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { PoolRulesDto } from '@kehu/contracts';

/**
 * A public pool (公海): ownerless customers wait here for members to claim them; the
 * rules say when owned customers come back. Company-wide configuration, few rows.
 * One default pool (partial unique index in the migration); at most one pool per department.
 */
@Entity('pools')
@Index('pools_one_default_idx', { synchronize: false })
@Index('pools_department_uq', { synchronize: false })
export class Pool {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  /** Customers owned in this department return here (when they have no pool of their own). */
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  adminIds: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  memberUserIds: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  memberDepartmentIds: string[];

  /** Validated by PoolRulesDto on the way in. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  rules: PoolRulesDto;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
