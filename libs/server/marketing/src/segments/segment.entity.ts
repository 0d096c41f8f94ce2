import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { SegmentRulesDto, SegmentTargetType } from '@kehu/contracts';

/**
 * A saved segment (客户细分): rules that pick customers or contacts. Shared company-wide
 * (no owner scope on the definition); its members are always read in the caller's scope.
 */
@Entity('segments')
@Index('segments_keyset_idx', { synchronize: false })
@Index('segments_name_idx', { synchronize: false })
@Index('segments_name_trgm_idx', { synchronize: false })
export class Segment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 10 })
  targetType: SegmentTargetType;

  /** Validated by SegmentRulesDto on the way in; compiled to SQL by segment-sql.ts. */
  @Column({ type: 'jsonb' })
  rules: SegmentRulesDto;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;

  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
