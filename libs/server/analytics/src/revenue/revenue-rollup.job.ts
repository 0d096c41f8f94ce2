import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsService } from '@kehu/server-core';
import { DataSource } from 'typeorm';

export const ROLLUP_JOB = 'analytics.revenue-rollup.rebuild';

/**
 * Nightly check of the revenue rollup against the orders (the migration's
 * revenue_rollup_rebuild()): triggers keep it current, but a hard delete of a customer
 * cascading to its orders, or a bulk load with triggers off, would leave it behind.
 */
@Injectable()
export class RevenueRollupJob implements OnModuleInit {
  private readonly logger = new Logger(RevenueRollupJob.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(ROLLUP_JOB, async () => {
      const fixed = await this.rebuild();
      if (fixed) this.logger.warn(`revenue rollup: ${fixed} rows corrected against the orders`);
    }, { cron: '15 3 * * *' });
  }

  /** Rows it had to correct: 0 when the triggers kept up. */
  async rebuild(): Promise<number> {
    const [{ fixed }] = await this.ds.transaction((m) => m.query(`SELECT revenue_rollup_rebuild() AS fixed`));
    return fixed;
  }
}
