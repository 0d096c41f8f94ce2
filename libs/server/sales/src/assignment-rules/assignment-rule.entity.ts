import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * One lead assignment rule (线索分配规则) of the ordered, company-wide list. Conditions are
 * lists (empty = any); the target is a user, or a team with a strategy. `rrCursor` is the
 * round-robin position, advanced with `UPDATE … RETURNING` while the row is locked, so
 * concurrent captures on several API replicas take turns exactly.
 */
@Entity('assignment_rules')
@Index('assignment_rules_position_idx', ['position'])
export class AssignmentRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  provinces: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cities: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  industries: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sources: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  campaignIds: string[];

  @Column({ type: 'varchar', length: 10 })
  targetType: string;

  @Column({ type: 'uuid', nullable: true })
  targetUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  targetTeamId: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  strategy: string | null;

  @Column({ type: 'integer', nullable: true })
  maxOpenLeads: number | null;

  /** Round-robin position (assignments made so far, modulo the team size when used). */
  @Column({ type: 'bigint', default: 0 })
  rrCursor: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
