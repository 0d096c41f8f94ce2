import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DATABASE_URL } from '../database/database-url.token';

export type JobHandler<T extends object = object> = (jobs: PgBoss.Job<T>[]) => Promise<void>;

interface Registration {
  name: string;
  handler: JobHandler<any>;
  cron?: string;
}

/**
 * Background jobs on pg-boss in the same database: scheduled rules, SLA clocks, sends,
 * imports, webhooks. pg-boss coordinates replicas with SKIP LOCKED, and a cron
 * schedule fires once per interval however many instances run.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly registrations: Registration[] = [];
  private boss?: PgBoss;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly url: string,
  ) {}

  /** Modules register in onModuleInit; workers start at bootstrap when jobs are enabled. */
  register<T extends object>(name: string, handler: JobHandler<T>, options: { cron?: string } = {}): void {
    this.registrations.push({ name, handler, cron: options.cron });
  }

  get started(): boolean {
    return this.boss !== undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({ connectionString: this.url, schema: 'pgboss', max: 2, application_name: 'kehu-jobs' });
    boss.on('error', (err: unknown) => this.logger.error({ err }, 'job runner error'));
    await boss.start();
    for (const r of this.registrations) {
      await boss.createQueue(r.name);
      await boss.work(r.name, { pollingIntervalSeconds: this.config.jobsPollSeconds, batchSize: 10 }, async (jobs: PgBoss.Job<object>[]) => r.handler(jobs));
      if (r.cron) await boss.schedule(r.name, r.cron, {}, { tz: this.config.jobsTimeZone });
    }
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
    this.boss = undefined;
  }

  /** Queue a job now (no-op with a warning when jobs are disabled, e.g. in unit tests). */
  async send<T extends object>(name: string, data: T): Promise<string | null> {
    if (!this.boss) {
      this.logger.warn(`job ${name} not queued: jobs are disabled`);
      return null;
    }
    return this.boss.send(name, data);
  }

  /** Runs a registered handler inline — for admins' "run now" and for tests. */
  async runNow<T extends object>(name: string, data: T): Promise<void> {
    const r = this.registrations.find((x) => x.name === name);
    if (!r) throw new Error(`No job registered as ${name}`);
    await r.handler([{ id: 'inline', name, data } as PgBoss.Job<T>]);
  }
}
