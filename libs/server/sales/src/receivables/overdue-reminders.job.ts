import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobRunResultDto } from '@kehu/contracts';
import { Clock, JobsService } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { businessDay } from '../contracts/business-day';
import { RECEIVING } from '../contracts/contract-rules';

export const OVERDUE_REMINDERS_JOB = 'sales.receivables.overdue-reminders';

/**
 * Daily: tells each owner about their instalments that are past due and not fully paid.
 * One INSERT … SELECT; the notifications' unique (user, dedupe key) with the key
 * `receivable-overdue:<instalment>:<due date>` makes reruns and parallel instances
 * harmless, and a new due date (rescheduled instalment) reminds again.
 */
@Injectable()
export class OverdueRemindersJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register(OVERDUE_REMINDERS_JOB, async () => void (await this.run()), { cron: '15 1 * * *' });
  }

  async run(): Promise<JobRunResultDto> {
    const today = businessDay(this.clock);
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, entity_type, entity_id, dedupe_key)
       SELECT c.owner_id, 'receivable.overdue',
              left('回款逾期 Overdue: ' || c.number || ' ' || c.title, 200),
              format('应收 %s %s，到期日 %s，已收 %s，未收 %s / due %s, outstanding %s', c.currency, i.amount, i.due_date, i.received, i.amount - i.received, i.due_date, i.amount - i.received),
              '/contracts/' || c.id, 'receivable', i.id::text, 'receivable-overdue:' || i.id || ':' || i.due_date
         FROM receivable_instalments i JOIN sales_contracts c ON c.id = i.contract_id
        WHERE i.received < i.amount AND i.due_date < $1::date
          AND c.deleted_at IS NULL AND c.status = ANY($2)
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [today, RECEIVING],
    );
    return { affected: rows.length, today };
  }
}
