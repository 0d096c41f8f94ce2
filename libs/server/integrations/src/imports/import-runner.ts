import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportDuplicateMode, ImportEntity } from '@kehu/contracts';
import { APP_CONFIG, AuditService, JobsService, OutboxService, TransactionService, type AppConfig, type Principal } from '@kehu/server-core';
import { CustomersRepository, CustomFieldsService } from '@kehu/server-customers';
import { LeadsRepository } from '@kehu/server-sales';
import { DataSource } from 'typeorm';
import { mapHeaders } from '../columns/column-mapping';
import { CsvReader, isBlankRecord } from '@kehu/contracts';
import { customerImportSpec } from './customer-import.definition';
import { ImportJob } from './import-job.entity';
import type { ImportSpec } from './import-spec';
import { leadImportSpec } from './lead-import.definition';
import { prepareImportBatch, writeImportBatch, type BatchContext, type BatchKeys, type CsvRow, type PreparedBatch } from './record-import.writer';

export const IMPORT_JOB = 'integrations.import';

/** Rows per transaction: one multi-row INSERT, one progress update (2,000 measured faster than 1,000: bench/README.md). */
const BATCH = 2000;

/** A run that has not committed a batch for this long is taken to be dead. */
const LEASE_SECONDS = 120;

/**
 * Runs an import job (pg-boss, any replica). Each batch commits together with the job's
 * counters and heartbeat, so a run that dies half-way resumes after the last committed batch
 * when pg-boss retries it — no row is written twice — and a live run is never joined.
 */
@Injectable()
export class ImportRunner implements OnModuleInit {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly specs: Record<ImportEntity, ImportSpec<any>>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly customFields: CustomFieldsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    customers: CustomersRepository,
    leads: LeadsRepository,
  ) {
    this.specs = { [ImportEntity.CUSTOMER]: customerImportSpec(customers), [ImportEntity.LEAD]: leadImportSpec(leads) };
  }

  onModuleInit(): void {
    this.jobs.register<{ importId: string }>(IMPORT_JOB, async (jobs) => {
      for (const j of jobs) await this.run(j.data.importId);
    });
  }

  async run(importId: string): Promise<void> {
    // Queued, or running but silent for longer than the lease (its worker died): pg-boss may
    // deliver a job again while the first run still works, and that run must not be joined.
    const claimed: [unknown[], number] = await this.ds.query(
      `UPDATE imports SET status = 'running', started_at = coalesce(started_at, now()), heartbeat_at = now()
        WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => $2)))
        RETURNING id`,
      [importId, LEASE_SECONDS],
    );
    if (!claimed[0].length) return; // finished, or another run is alive
    const job = await this.ds.getRepository(ImportJob).findOneByOrFail({ id: importId });
    try {
      await this.process(job);
      await this.tx.run(async (m) => {
        await m.query(`UPDATE imports SET status = 'done', finished_at = now() WHERE id = $1`, [job.id]);
        await m.query(`DELETE FROM import_chunks WHERE import_id = $1`, [job.id]);
      });
    } catch (err) {
      this.logger.error({ err, importId }, 'import failed');
      await this.tx.run(async (m) => {
        await m.query(`UPDATE imports SET status = 'failed', error = left($2, 1000), finished_at = now() WHERE id = $1`, [job.id, err instanceof Error ? err.message : String(err)]);
        await m.query(`DELETE FROM import_chunks WHERE import_id = $1`, [job.id]);
      });
    }
  }

  private async process(job: ImportJob): Promise<void> {
    const spec = this.specs[job.entity as ImportEntity];
    const defs = await this.customFields.definitions(job.entity);
    const runAs = job.runAs;
    const principal: Principal = { kind: 'user', roles: [], modules: [], ...runAs, permissions: runAs.permissions as Principal['permissions'] };
    const options = job.options as { duplicates: ImportDuplicateMode; ownerId: string; ownerDepartmentId: string | null; mapping: Record<string, string> };
    let ctx: BatchContext | undefined;
    const reader = new CsvReader();
    const decoder = new TextDecoder();
    let rowNumber = 1;
    let seen = 0;
    let batch: CsvRow[] = [];
    // Two batches are written at once, on two connections, while the next one is parsed and
    // validated: PostgreSQL maintains one batch's indexes while the other's statements are
    // sent. Commits stay in order (see flush), so `processed` always counts a prefix of the file.
    let previous: InFlight | undefined;
    let beforePrevious: Promise<void> = Promise.resolve();
    const submit = async (rows: CsvRow[]) => {
      const prepared = await prepareImportBatch(spec, ctx!, rows);
      await beforePrevious;
      beforePrevious = previous?.committed ?? Promise.resolve();
      previous = this.flush(spec, ctx!, prepared, previous);
    };
    for (let seq = 0; ; seq++) {
      const chunk: { data: Buffer }[] = await this.ds.query(`SELECT data FROM import_chunks WHERE import_id = $1 AND seq = $2`, [job.id, seq]);
      const records = chunk.length ? reader.push(decoder.decode(chunk[0].data, { stream: true })) : [...reader.push(decoder.decode()), ...reader.end()];
      for (const r of records) {
        if (!ctx) {
          if (isBlankRecord(r)) continue;
          const { targets } = mapHeaders(r.map((h) => h.trim()), spec.columns, defs, options.mapping);
          ctx = { importId: job.id, principal, owner: { id: options.ownerId, departmentId: options.ownerDepartmentId }, duplicates: options.duplicates, targets, defs, defaultPhoneRegion: this.config.defaultPhoneRegion };
          continue;
        }
        rowNumber++;
        if (isBlankRecord(r)) continue;
        if (++seen <= job.processed) continue; // committed by an earlier run
        batch.push({ rowNumber, cells: r });
        if (batch.length >= BATCH) {
          await submit(batch);
          batch = [];
        }
      }
      if (!chunk.length) break;
    }
    if (ctx && batch.length) await submit(batch);
    await beforePrevious;
    await previous?.committed;
  }

  /**
   * Writes one batch in its own transaction, overlapping the one before (`previous`): its rows
   * are matched against that batch's keys as well as the database, and it commits only after
   * that batch has — if that one fails, this one rolls back too.
   */
  private flush(spec: ImportSpec<any>, ctx: BatchContext, prepared: PreparedBatch, previous?: InFlight): InFlight {
    let sorted!: (keys: BatchKeys) => void;
    let unsorted!: (err: unknown) => void;
    const keys = new Promise<BatchKeys>((resolve, reject) => ((sorted = resolve), (unsorted = reject)));
    keys.catch(() => undefined); // the next batch may never ask
    const overlap = { earlier: previous?.keys ?? Promise.resolve(new Map()), sorted };
    const committed = this.tx.run(async (m) => {
      const out = await writeImportBatch(m, spec, ctx, prepared, this.audit, this.outbox, overlap);
      if (out.errors.length) {
        await m.query(`INSERT INTO import_errors (import_id, row_number, errors, cells) SELECT $1, x.row_number, x.errors, x.cells FROM jsonb_to_recordset($2::jsonb) AS x(row_number int, errors jsonb, cells jsonb)`, [
          ctx.importId,
          JSON.stringify(out.errors.map((e) => ({ row_number: e.row.rowNumber, errors: e.errors, cells: e.row.cells }))),
        ]);
      }
      // In file order: the counters (and this commit) wait for the batch before.
      await previous?.committed;
      await m.query(`UPDATE imports SET heartbeat_at = now(), processed = processed + $2, created = created + $3, updated = updated + $4, skipped = skipped + $5, failed = failed + $6 WHERE id = $1`, [
        ctx.importId,
        prepared.rows,
        out.created,
        out.updated,
        out.skipped,
        out.errors.length,
      ]);
    });
    committed.catch(unsorted);
    committed.catch(() => undefined); // awaited by the next batch or by process(); this only keeps it from counting as unhandled meanwhile
    return { keys, committed };
  }
}

interface InFlight {
  keys: Promise<BatchKeys>;
  committed: Promise<void>;
}
