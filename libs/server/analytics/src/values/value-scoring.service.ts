import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type UpdateValueSettingsDto, type ValueSettingsDto } from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, JobsService, TransactionService } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { toValueSettingsDto, type ValueSettingsRow } from './value-settings';
import { VALUE_CUTS_SQL, VALUE_MERGE_SQL, VALUE_NEW_SQL, VALUE_ORDERS_SQL, VALUE_PRUNE_SQL } from './value-scoring.sql';

export const VALUE_JOB = 'analytics.values.recompute';
/** One recompute at a time across replicas (the nightly job and an admin's "recompute now"). */
const RUN_LOCK = 72_010_001;
/** A run that started this long ago and never finished died with its process. */
const STALE_RUN_MS = 60 * 60_000;

/**
 * Customer value (客户价值, seed 001 step 2): RFM, lifetime and referral value for every
 * customer, recomputed set-based nightly and on demand. The run's start, end, counts and
 * error are kept on the settings row, so the SPA can show progress and the last result.
 */
@Injectable()
export class ValueScoringService implements OnModuleInit {
  private readonly logger = new Logger(ValueScoringService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // After grading (02:30), so both read the same night's orders.
    this.jobs.register(VALUE_JOB, async () => {
      const r = await this.recompute();
      if (r) this.logger.log(`values: ${r.changed} of ${r.customers} customers changed in ${r.ms} ms`);
    }, { cron: '45 2 * * *' });
  }

  async settings(m: EntityManager = this.ds.manager): Promise<ValueSettingsDto> {
    const rows: ValueSettingsRow[] = await m.query(`SELECT * FROM value_settings WHERE id = 1`);
    return toValueSettingsDto(rows[0]);
  }

  updateSettings(version: number, dto: UpdateValueSettingsDto): Promise<ValueSettingsDto> {
    return this.tx.run(async (m) => {
      const before = await this.settings(m);
      const res = await m.query(
        `UPDATE value_settings SET window_months = $1, referral_share_percent = $2, version = version + 1, updated_at = now() WHERE id = 1 AND version = $3`,
        [dto.windowMonths, dto.referralSharePercent, version],
      );
      if (res[1] !== 1) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'The value settings were changed by someone else; reload and try again.');
      const after = await this.settings(m);
      const pick = (s: ValueSettingsDto) => ({ windowMonths: s.windowMonths, referralSharePercent: s.referralSharePercent });
      await this.audit.record(m, { action: 'update', entityType: 'value_settings', entityId: null, changes: diff(pick(before) as never, pick(after) as never) });
      return after;
    });
  }

  /**
   * "Recompute now": marks the run as started and hands it to the job runner (or, with jobs
   * off, to this process) — 1M customers take tens of seconds, longer than a request should.
   */
  async requestRecompute(): Promise<ValueSettingsDto> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, marked]: [unknown[], number] = await this.ds.query(
      `UPDATE value_settings SET run_started_at = $1, run_finished_at = NULL, run_customers = NULL, run_changed = NULL, run_ms = NULL, run_error = NULL
        WHERE id = 1 AND (run_started_at IS NULL OR run_finished_at IS NOT NULL OR run_started_at < $1::timestamptz - make_interval(secs => $2::int / 1000))
        RETURNING 1`,
      [this.clock.now(), STALE_RUN_MS],
    );
    if (!marked) throw new DomainException(ErrorCode.CONFLICT, 'A value recompute is already running; wait for it to finish.');
    const queued = await this.jobs.send(VALUE_JOB, {});
    if (!queued) setImmediate(() => this.recompute().catch((err) => this.logger.error({ err }, 'value recompute failed')));
    return this.settings();
  }

  /** The run itself; null when another process holds the run lock. */
  async recompute(): Promise<{ customers: number; changed: number; ms: number } | null> {
    const started = this.clock.now();
    try {
      const out = await this.tx.run(async (m) => {
        const [{ ok }] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS ok`, [RUN_LOCK]);
        if (!ok) return null;
        // Outside this transaction (own connection), so the SPA sees the run start now; the
        // settings row is not held locked while the statement runs.
        await this.ds.query(`UPDATE value_settings SET run_started_at = $1, run_finished_at = NULL, run_error = NULL WHERE id = 1`, [started]);
        // A hash of ~1M customers and three sorts of 1M values: memory instead of temp files.
        // JIT would spend ~1 s compiling expressions that run once per row.
        await m.query(`SET LOCAL work_mem = '512MB'`);
        await m.query(`SET LOCAL jit = off`);
        const [{ window_months, referral_share_percent }] = await m.query(`SELECT window_months, referral_share_percent FROM value_settings WHERE id = 1`);
        await m.query(VALUE_PRUNE_SQL);
        await m.query(VALUE_ORDERS_SQL, [started, window_months]);
        const [cuts] = await m.query(VALUE_CUTS_SQL);
        // The structured result carries the row count of CREATE TABLE AS and MERGE (neither returns rows).
        const customers = await m.queryRunner!.query(VALUE_NEW_SQL, [referral_share_percent, cuts.r ?? [], cuts.f ?? [], cuts.m ?? []], true);
        const changed = await m.queryRunner!.query(VALUE_MERGE_SQL, [started], true);
        return { customers: customers.affected ?? 0, changed: changed.affected ?? 0 };
      });
      if (!out) return null;
      const ms = Date.now() - started.getTime();
      await this.ds.query(`UPDATE value_settings SET run_finished_at = $1, run_customers = $2, run_changed = $3, run_ms = $4 WHERE id = 1`, [this.clock.now(), out.customers, out.changed, ms]);
      return { ...out, ms };
    } catch (err) {
      await this.ds.query(`UPDATE value_settings SET run_finished_at = $1, run_error = $2 WHERE id = 1`, [this.clock.now(), String((err as Error).message).slice(0, 500)]);
      throw err;
    }
  }
}
