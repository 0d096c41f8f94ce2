import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseEventKind, type SlaRunResultDto } from '@kehu/contracts';
import { AuditService, Clock, JobsService, NotificationsService, OutboxService } from '@kehu/server-core';
import { DataSource, type EntityManager } from 'typeorm';
import { SlaPolicyService } from './sla-policy.service';

export const SLA_CLOCK_JOB = 'service.sla.clock';
const BATCH = 500;

interface Moved {
  id: string;
  number: string;
  subject: string;
  owner_id: string;
  customer_id: string;
}

/**
 * Every minute: marks cases whose first-response or resolution clock ran out (once per
 * clock: the partial indexes hold only clocks still running), tells the agent, and closes
 * resolved cases after the policy's auto-close days. Set-based in batches claimed with
 * FOR UPDATE SKIP LOCKED, so several API replicas never mark or notify a case twice.
 */
@Injectable()
export class SlaClockJob implements OnModuleInit {
  private readonly logger = new Logger(SlaClockJob.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly sla: SlaPolicyService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(SLA_CLOCK_JOB, async () => void (await this.run()), { cron: '* * * * *' });
  }

  async run(): Promise<SlaRunResultDto> {
    const now = this.clock.now();
    const responseBreached = await this.batches(
      (m) => this.mark(m, now, 'response_breached_at', `first_responded_at IS NULL AND response_breached_at IS NULL AND status IN ('new', 'open', 'pending') AND response_due_at < $1`, CaseEventKind.RESPONSE_BREACHED),
    );
    const resolutionBreached = await this.batches(
      (m) => this.mark(m, now, 'resolution_breached_at', `resolved_at IS NULL AND resolution_breached_at IS NULL AND status IN ('new', 'open') AND resolution_due_at < $1`, CaseEventKind.RESOLUTION_BREACHED),
    );
    const { autoCloseDays } = await this.sla.policy();
    const closed = autoCloseDays > 0 ? await this.batches((m) => this.autoClose(m, now, autoCloseDays)) : 0;
    if (responseBreached + resolutionBreached + closed) this.logger.log({ responseBreached, resolutionBreached, closed }, 'SLA clocks');
    return { responseBreached, resolutionBreached, closed };
  }

  /** Runs one batch per transaction until a batch comes back short. */
  private async batches(one: (m: EntityManager) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.ds.transaction(one);
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async mark(m: EntityManager, now: Date, column: string, due: string, kind: CaseEventKind): Promise<number> {
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM.
    const [rows]: [Moved[], number] = await m.query(
      `WITH due AS (SELECT id FROM service_cases WHERE deleted_at IS NULL AND ${due} ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       UPDATE service_cases c SET ${column} = $1 FROM due WHERE c.id = due.id
       RETURNING c.id, c.number, c.subject, c.owner_id, c.customer_id`,
      [now],
    );
    if (!rows.length) return 0;
    await this.journal(m, rows, kind, `case.${kind}`);
    const clock = kind === CaseEventKind.RESPONSE_BREACHED ? 'response' : 'resolution';
    await this.notifications.notify(
      m,
      rows.map((r) => ({
        userId: r.owner_id,
        kind: `case.${kind}`,
        title: `${r.number} ${clock === 'response' ? 'first response' : 'resolution'} overdue: ${r.subject}`.slice(0, 200),
        link: `/service/cases/${r.id}`,
        entityType: 'case',
        entityId: r.id,
        dedupeKey: `case:${r.id}:${clock}`,
      })),
    );
    return rows.length;
  }

  private async autoClose(m: EntityManager, now: Date, days: number): Promise<number> {
    const [rows]: [Moved[], number] = await m.query(
      `WITH due AS (SELECT id FROM service_cases WHERE deleted_at IS NULL AND status = 'resolved' AND resolved_at < $1::timestamptz - make_interval(days => $2) ORDER BY resolved_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       UPDATE service_cases c SET status = 'closed', closed_at = $1, version = c.version + 1, updated_at = $1 FROM due WHERE c.id = due.id
       RETURNING c.id, c.number, c.subject, c.owner_id, c.customer_id`,
      [now, days],
    );
    if (rows.length) await this.journal(m, rows, CaseEventKind.CLOSED, 'case.closed', { auto: true });
    return rows.length;
  }

  /** History entries, audit rows and outbox events of a batch: three set-based inserts. */
  private async journal(m: EntityManager, rows: Moved[], kind: string, event: string, data: Record<string, unknown> | null = null): Promise<void> {
    await m.query(`INSERT INTO case_events (case_id, kind, data) SELECT unnest($1::uuid[]), $2, $3::jsonb`, [rows.map((r) => r.id), kind, data ? JSON.stringify(data) : null]);
    await this.audit.recordMany(m, kind === CaseEventKind.CLOSED ? 'close' : kind, 'case', rows.map((r) => ({ entityId: r.id, changes: null as never })), null);
    await this.outbox.publishMany(m, event, 'case', rows.map((r) => ({ aggregateId: r.id, payload: { customerId: r.customer_id, ownerId: r.owner_id, number: r.number, ...data } })), null);
  }
}
