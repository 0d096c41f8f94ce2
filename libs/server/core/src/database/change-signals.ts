import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type Notification, type Pool, type PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { DATABASE_URL } from './database-url.token';

/** The channel the `kehu_signal_change()` triggers notify on (core migration 1795622300000). */
export const CHANGE_CHANNEL = 'kehu_changes';
const NOTICE_PREFIX = 'kehu_change:';

export type ChangeHandler = (payload: string) => void;

/**
 * Tells in-process caches that rows they depend on changed, on every replica.
 *
 * Triggers on the source tables call `kehu_signal_change(topic)`, which does two things:
 * - `pg_notify` — delivered after commit to every API process through the LISTEN
 *   connection held here (other replicas learn within milliseconds);
 * - `RAISE NOTICE` — delivered at once to the connection that made the change, so this
 *   process drops its entry before the writer's request even answers (a user disabled by
 *   an admin is refused on their very next request, with no race against the NOTIFY).
 *
 * While the LISTEN connection is down nothing can be trusted: `live` is false, caches
 * must bypass themselves, and every subscriber hears `*` when it comes back.
 */
@Injectable()
export class ChangeSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(ChangeSignals.name);
  private readonly handlers = new Map<string, Set<ChangeHandler>>();
  private listener?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  live = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(DATABASE_URL) private readonly url: string,
  ) {}

  /** `topic` is the trigger's argument; the handler gets the rest of the payload ('' or e.g. `session:<id>`), or `*` for "drop everything". */
  subscribe(topic: string, handler: ChangeHandler): void {
    if (!this.handlers.has(topic)) this.handlers.set(topic, new Set());
    this.handlers.get(topic)!.add(handler);
  }

  async onModuleInit(): Promise<void> {
    this.watchNotices();
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.live = false;
    await this.listener?.end().catch(() => undefined);
  }

  /** Dispatches `topic[:rest]`. */
  emit(payload: string): void {
    const at = payload.indexOf(':');
    const topic = at < 0 ? payload : payload.slice(0, at);
    const rest = at < 0 ? '' : payload.slice(at + 1);
    for (const h of this.handlers.get(topic) ?? []) h(rest);
  }

  private emitAll(): void {
    for (const set of this.handlers.values()) for (const h of set) h('*');
  }

  /** Every pooled connection of TypeORM, present and future, reports our trigger notices. */
  private watchNotices(): void {
    const pool = (this.ds.driver as unknown as { master?: Pool }).master;
    if (!pool) return;
    const onNotice = (msg: { message?: string }) => {
      if (msg.message?.startsWith(NOTICE_PREFIX)) this.emit(msg.message.slice(NOTICE_PREFIX.length));
    };
    const watch = (client: PoolClient) => client.on('notice', onNotice);
    // Clients opened before this module started (migrations, bootstrap): pg keeps them in _clients.
    for (const client of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) watch(client);
    pool.on('connect', watch);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'kehu-change-signals' });
    const lost = (err?: Error) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.live = false;
      this.emitAll();
      if (this.stopped) return;
      this.log.warn(`change listener lost (${err?.message ?? 'closed'}); caches are bypassed until it is back`);
      this.retry = setTimeout(() => void this.connect(), 1000);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n: Notification) => {
      if (n.channel === CHANGE_CHANNEL && n.payload) this.emit(n.payload);
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      // Whatever changed while we were not listening is unknown: start clean.
      this.emitAll();
      this.live = true;
    } catch (err) {
      lost(err as Error);
      await client.end().catch(() => undefined);
    }
  }
}
