import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChangeSignals } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { eventMatcher } from './webhook-event-pattern';

/**
 * The active subscriptions' event patterns, in memory: the outbox asks `wants(type)` for every
 * event published (a million in an import), so it must be a synchronous test, not a query —
 * which is why this is a snapshot reloaded on ChangeSignals rather than a SignalledCache.
 *
 * Freshness: the writer reloads before answering (WebhooksService awaits `refresh()` after its
 * commit); other replicas reload when the NOTIFY arrives, a few milliseconds after the commit.
 * In that window another replica may store a matching event as already delivered, so a
 * subscription created (or activated, or widened) sees events from moments after its creation,
 * not from its exact commit. While the snapshot is stale (signals down, a reload pending or
 * failed) `wants` answers true: the dispatcher then fans out against the table, which is always
 * right, at the cost of dispatching events nobody takes.
 */
@Injectable()
export class ActiveWebhookPatterns implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ActiveWebhookPatterns.name);
  private matches: (type: string) => boolean = () => false;
  private active = 0;
  private fresh = false;
  private dirty = true;
  private loading?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly signals: ChangeSignals,
  ) {}

  onModuleInit(): void {
    this.signals.subscribe('webhooks', () => this.invalidate());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
  }

  /** Whether an event of this type may go to a webhook (true whenever unsure). */
  wants(type: string): boolean {
    if (!this.fresh || !this.signals.live) return true;
    return this.matches(type);
  }

  /** Whether any subscription is active (the worker's poll loop idles otherwise); true when unsure. */
  get anyActive(): boolean {
    return !this.fresh || !this.signals.live || this.active > 0;
  }

  invalidate(): void {
    this.dirty = true;
    this.fresh = false;
    void this.refresh();
  }

  get isFresh(): boolean {
    return this.fresh;
  }

  /** Reloads until no change arrived during a load; a failed load leaves it stale (wants → true). */
  async refresh(): Promise<void> {
    this.dirty = true;
    this.fresh = false;
    while (this.dirty || this.loading) {
      if (!this.loading) {
        this.dirty = false;
        this.loading = this.load().finally(() => (this.loading = undefined));
      }
      try {
        await this.loading;
      } catch (err) {
        this.logger.error({ err }, 'loading webhook patterns failed; every event is dispatched until they load');
        return;
      }
    }
    this.fresh = true;
  }

  private async load(): Promise<void> {
    const rows: { events: string[] }[] = await this.ds.query(`SELECT events FROM webhook_subscriptions WHERE active AND deleted_at IS NULL`);
    if (this.dirty) return; // changed while loading: the loop loads again
    this.matches = eventMatcher(rows.flatMap((r) => r.events));
    this.active = rows.length;
  }
}
