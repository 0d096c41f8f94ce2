import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock, JobsService } from '@kehu/server-core';
import { PoolReturnService } from './pool-return.service';

export const POOL_RETURN_JOB = 'sales.pool-return';

/** Daily at 02:00 (server time): return due customers, then remind owners of the next ones. */
@Injectable()
export class PoolReturnJob implements OnModuleInit {
  private readonly logger = new Logger(PoolReturnJob.name);

  constructor(
    private readonly jobs: JobsService,
    private readonly returns: PoolReturnService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register(POOL_RETURN_JOB, () => this.runOnce(), { cron: '0 2 * * *' });
  }

  async runOnce(): Promise<void> {
    const now = this.clock.now();
    const result = await this.returns.run(now);
    const reminded = await this.returns.remind(now);
    this.logger.log({ ...result, reminded }, 'pool return run');
  }
}
