import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * A sales pipeline (销售漏斗): ordered stages an opportunity moves through. Company-wide
 * configuration (no data scope), few rows: a Citus reference table later.
 * Exactly one is the default: a partial unique index written in the migration.
 */
@Entity('pipelines')
@Index('pipelines_one_default_idx', { synchronize: false })
export class Pipeline {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @OneToMany(() => PipelineStage, (s) => s.pipeline)
  stages?: PipelineStage[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}

/**
 * A stage of a pipeline. Removing a stage from its pipeline archives it (`deleted_at`)
 * so stage history keeps pointing at it; only stages without opportunities can go.
 */
@Entity('pipeline_stages')
@Index('pipeline_stages_pipeline_idx', ['pipelineId', 'position'])
export class PipelineStage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  pipelineId: string;

  @ManyToOne(() => Pipeline, (p) => p.stages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pipeline_id' })
  pipeline?: Pipeline;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** Win probability 0–100. */
  @Column({ type: 'smallint' })
  probability: number;

  /** open | won | lost (StageKind). */
  @Column({ type: 'varchar', length: 10 })
  kind: string;

  @Column({ type: 'smallint' })
  position: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Archived: removed from the pipeline, kept for history. */
  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
