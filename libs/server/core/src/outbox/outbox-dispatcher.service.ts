import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxEvent } from './outbox-event.entity';

/** Runs in the dispatcher's transaction: rows it writes through `manager` commit with the event's delivery. */
export type OutboxHandler = (event: OutboxEvent, manager: EntityManager) => Promise<void>;
/** All of a batch's events a subscriber takes, at once, in id order (e.g. a fan-out as one statement). */
export type OutboxBatchHandler = (events: OutboxEvent[], manager: EntityManager) => Promise<void>;
/** `customer.*`, `lead.converted`, or a predicate for subscribers whose interest changes at run time (webhooks). */
export type OutboxPattern = string | ((type: string) => boolean);

// Large enough that a bulk writer's backlog (an import publishes 2,000 events a batch) drains in few
// transactions: each costs a commit and a round of locking beside the writer.
const BATCH = 500;
const MAX_BACKOFF_SECONDS = 3600;
/**
 * Events with handlers per transaction: each takes a savepoint, and a savepoint that writes holds a
 * subtransaction id. Past 64 in one transaction PostgreSQL's per-backend cache of them overflows
 * and every other session's snapshots get slower while it runs; the rest of the batch waits for the next.
 */
const MAX_HANDLED_PER_TRANSACTION = 50;

/**
 * Delivers outbox events to subscribers (webhooks, timeline, rollups) at least once.
 * Each instance polls with FOR UPDATE SKIP LOCKED, so replicas share the work and
 * never deliver the same batch twice at once. A failing handler retries with backoff.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private readonly handlers: { matches: (type: string) => boolean; handler: OutboxHandler }[] = [];
  private readonly batchHandlers: { matches: (type: string) => boolean; handler: OutboxBatchHandler }[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  /** The last batch left events behind (full, or stopped at the savepoint cap). */
  private backlog = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `customer.*` or `lead.converted`; or a predicate, asked for every event published (keep it a
   * cheap in-memory test) and again when the event is dispatched.
   */
  subscribe(pattern: OutboxPattern, handler: OutboxHandler): void {
    this.handlers.push({ matches: matcher(pattern), handler });
  }

  /**
   * Like subscribe, but the handler gets all of a batch's matching events in one call (up to
   * 500, one savepoint): for subscribers that write a row per event, one statement per batch
   * instead of a savepoint and a statement per event. If it throws, each of those events is
   * retried with backoff.
   */
  subscribeBatch(pattern: OutboxPattern, handler: OutboxBatchHandler): void {
    this.batchHandlers.push({ matches: matcher(pattern), handler });
  }

  /** Whether any subscriber takes events of this type: events nobody takes are stored as delivered. */
  wants(type: string): boolean {
    return this.handlers.some((h) => h.matches(type)) || this.batchHandlers.some((h) => h.matches(type));
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    const tick = async () => {
      if (this.stopped) return;
      try {
        while ((await this.dispatchOnce()) > 0 && this.backlog && !this.stopped) {
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
      // Per-event handlers take a savepoint each: the batch stops before the cap.
      let handled = 0;
      let cut = events.findIndex((e) => this.handlers.some((h) => h.matches(e.type)) && ++handled > MAX_HANDLED_PER_TRANSACTION);
      if (cut < 0) cut = events.length;
      const batch = events.slice(0, cut);
      const fail = async (event: OutboxEvent, err: unknown) => {
        const attempts = event.attempts + 1;
        const delay = Math.min(2 ** attempts, MAX_BACKOFF_SECONDS);
        await manager.update(OutboxEvent, event.id, {
          attempts,
          lastError: String((err as Error)?.message ?? err).slice(0, 2000),
          nextAttemptAt: () => `now() + interval '${delay} seconds'`,
        } as never);
      };
      // Batch subscribers first, each in one savepoint; an event one of them failed is not delivered.
      const failed = new Map<string, unknown>();
      for (const { matches, handler } of this.batchHandlers) {
        const theirs = batch.filter((e) => matches(e.type) && !failed.has(e.id));
        if (!theirs.length) continue;
        await manager.query('SAVEPOINT outbox_batch');
        try {
          await handler(theirs, manager);
          await manager.query('RELEASE SAVEPOINT outbox_batch');
        } catch (err) {
          await manager.query('ROLLBACK TO SAVEPOINT outbox_batch');
          for (const e of theirs) failed.set(e.id, err);
        }
      }
      for (const event of batch) {
        if (failed.has(event.id)) {
          await fail(event, failed.get(event.id));
          continue;
        }
        const handlers = this.handlers.filter((h) => h.matches(event.type));
        // Handlers write through the batch's transaction: a savepoint keeps one event's failed
        // statement from aborting the others' work (only taken when someone handles the event).
        if (handlers.length) await manager.query('SAVEPOINT outbox_event');
        try {
          for (const { handler } of handlers) await handler(event, manager);
          if (handlers.length) await manager.query('RELEASE SAVEPOINT outbox_event');
          delivered.push(event.id);
        } catch (err) {
          await manager.query('ROLLBACK TO SAVEPOINT outbox_event');
          await fail(event, err);
        }
      }
      if (delivered.length) await manager.query(`UPDATE outbox_events SET dispatched_at = now(), last_error = NULL WHERE id = ANY($1::bigint[])`, [delivered]);
      this.backlog = events.length === BATCH || batch.length < events.length;
      return batch.length;
    });
    return this.running;
  }
}

function matcher(pattern: OutboxPattern): (type: string) => boolean {
  if (typeof pattern === 'function') return pattern;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (type) => re.test(type);
}
