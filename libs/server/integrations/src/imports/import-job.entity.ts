import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What the import runs as: the starter's rights when the file came in (the job has no request). */
export interface ImportRunAs {
  userId: string;
  actorId: string;
  permissions: Record<string, string>;
  departmentId: string | null;
  departmentSubtreeIds: string[];
  teamMemberIds: string[];
}

/** One CSV import (`imports`): options, progress counters, and who started it. */
@Entity('imports')
@Index('imports_created_by_idx', ['createdBy', 'createdAt'])
export class ImportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  entity: string;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: string;

  @Column({ type: 'int', nullable: true })
  total: number | null;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'int', default: 0 })
  created: number;

  @Column({ type: 'int', default: 0 })
  updated: number;

  @Column({ type: 'int', default: 0 })
  skipped: number;

  @Column({ type: 'int', default: 0 })
  failed: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  options: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  runAs: ImportRunAs;

  @Column({ type: 'bigint', default: 0 })
  bytes: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** Touched by every committed batch: a run whose heartbeat is older than the lease may be taken over. */
  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;
}

/** The uploaded file, in ~1 MB byte slices (any replica's job runner can read it; dropped when the import ends). */
@Entity('import_chunks')
export class ImportChunk {
  @Column({ type: 'uuid', primary: true })
  importId: string;

  @Column({ type: 'int', primary: true })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}

/** A row that could not be imported: its spreadsheet row number, the field errors and its cells. */
@Entity('import_errors')
export class ImportRowError {
  @Column({ type: 'uuid', primary: true })
  importId: string;

  @Column({ type: 'int', primary: true })
  rowNumber: number;

  /** `[{ field, rule, message }]`, as the API's validation errors. */
  @Column({ type: 'jsonb' })
  errors: { field: string; rule: string; message: string }[];

  @Column({ type: 'jsonb' })
  cells: string[];
}
