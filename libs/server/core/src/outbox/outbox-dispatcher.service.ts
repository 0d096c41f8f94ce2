import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxEvent } from './outbox-event.entity';

export type OutboxHandler = (event: OutboxEvent) => Promise<void>;

// Large enough that a bulk writer's backlog (an import publishes 2,000 events a batch) drains in few
// transactions: each costs a commit and a round of locking beside the writer.
const BATCH = 500;
const MAX_BACKOFF_SECONDS = 3600;

/**
 * Delivers outbox events to subscribers (webhooks, timeline, rollups) at least once.
 * Each instance polls with FOR UPDATE SKIP LOCKED, so replicas share the work and
 * never deliver the same batch twice at once. A failing handler retries with backoff.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly handlers: { pattern: RegExp; handler: OutboxHandler }[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `customer.*` or `lead.converted`. */
  subscribe(pattern: string, handler: OutboxHandler): void {
    const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    this.handlers.push({ pattern: re, handler });
  }

  /** Whether any subscriber takes events of this type: events nobody takes are stored as delivered. */
  wants(type: string): boolean {
    return this.handlers.some((h) => h.pattern.test(type));
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    const tick = async () => {
      if (this.stopped) return;
      try {
        while ((await this.dispatchOnce()) === BATCH && !this.stopped) {
          // drain a backlog without waiting for the next tick
        }
      } catch (err) {
        this.logger.error({ err }, 'outbox dispatch failed');
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.config.outboxPollMs);
    };
    this.timer = setTimeout(tick, this.config.outboxPollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Dispatches one batch; returns how many events it handled. Tests call it directly. */
  dispatchOnce(): Promise<number> {
    this.running = this.dataSource.transaction(async (manager) => {
      // Walk the pending index in id order and stop after a batch. With statistics older than a
      // burst (an import publishes a million events between two ANALYZEs) the planner expected a
      // few pending rows and chose a bitmap scan and a sort under the row lock, which cannot
      // stop early: every poll sorted the whole backlog to disk, a core's worth beside the import.
      await manager.query(`SELECT set_config('enable_sort', 'off', true), set_config('enable_bitmapscan', 'off', true)`);
      const events = await manager
        .createQueryBuilder(OutboxEvent, 'e')
        .where('e.dispatched_at IS NULL AND e.next_attempt_at <= now()')
        .orderBy('e.id', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      // Delivered events are marked with one statement per batch: one UPDATE per event made the
      // dispatcher compete with bulk writers (a 1M-row import) for most of their CPU.
      const delivered: string[] = [];
      for (const event of events) {
        try {
          for (const { pattern, handler } of this.handlers) if (pattern.test(event.type)) await handler(event);
          delivered.push(event.id);
        } catch (err) {
          const attempts = event.attempts + 1;
          const delay = Math.min(2 ** attempts, MAX_BACKOFF_SECONDS);
          await manager.update(OutboxEvent, event.id, {
            attempts,
            lastError: String((err as Error)?.message ?? err).slice(0, 2000),
            nextAttemptAt: () => `now() + interval '${delay} seconds'`,
          } as never);
        }
      }
      if (delivered.length) await manager.query(`UPDATE outbox_events SET dispatched_at = now(), last_error = NULL WHERE id = ANY($1::bigint[])`, [delivered]);
      return events.length;
    });
    return this.running;
  }
}
