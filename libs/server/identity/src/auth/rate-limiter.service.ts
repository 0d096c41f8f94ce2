import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { Clock } from '@kehu/server-core';

export interface WindowCount {
  /** Events in the current window, including this one when counted by `hit`. */
  count: number;
  /** Whole seconds until the current window ends (≥ 1), for `Retry-After`. */
  retryAfterSeconds: number;
}

export interface Lock {
  until: Date;
  retryAfterSeconds: number;
}

/** Rows older than this are dead for every use below (the longest is the lock memory). */
const RETENTION_MS = 2 * 86_400_000;

export const rateLimited = (retryAfterSeconds: number, detail: string) =>
  new DomainException(ErrorCode.RATE_LIMITED, detail, { headers: { 'Retry-After': String(retryAfterSeconds) }, extensions: { retryAfter: retryAfterSeconds } });

/**
 * Fixed-window counters and escalating locks in `rate_limit_buckets`, the one
 * mechanism behind API-key rate limits and login lockout. Every count is a single
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING`, atomic across replicas; time comes
 * from `Clock` so tests can move it.
 */
@Injectable()
export class RateLimiterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Counts one event for `key` in the current window of `windowSeconds`. */
  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const { start, retryAfterSeconds, now } = this.window(windowSeconds);
    const [row] = (await this.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
       RETURNING count`,
      [key, start],
    )) as { count: number }[];
    // A key's first hit in a window retires its earlier windows (cheap: primary-key range), so
    // busy keys keep one row each; keys never seen again are left to the occasional prune.
    if (row.count === 1) await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key = $1 AND window_start < $2`, [key, start]);
    await this.maybePrune(now);
    return { count: row.count, retryAfterSeconds };
  }

  /** The current window's count without adding to it. */
  async peek(key: string, windowSeconds: number): Promise<WindowCount> {
    const { start, retryAfterSeconds } = this.window(windowSeconds);
    const [row] = (await this.dataSource.query(`SELECT count FROM rate_limit_buckets WHERE key = $1 AND window_start = $2`, [key, start])) as { count: number }[];
    return { count: row?.count ?? 0, retryAfterSeconds };
  }

  /** Forgets every window of `key` (a successful login clears its failures). */
  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key = $1`, [key]);
  }

  /**
   * Starts a lock on `key` lasting `baseSeconds`, doubled for each earlier lock that
   * began within `memorySeconds` (capped at `maxSeconds`).
   */
  async lock(key: string, baseSeconds: number, memorySeconds: number, maxSeconds: number): Promise<Lock> {
    const now = this.clock.now();
    const [row] = (await this.dataSource.query(
      `INSERT INTO rate_limit_buckets (key, window_start, count)
       SELECT $1, $2, 1 + coalesce(max(count), 0) FROM rate_limit_buckets WHERE key = $1 AND window_start > $3
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count
       RETURNING count`,
      [key, now, new Date(now.getTime() - memorySeconds * 1000)],
    )) as { count: number }[];
    return this.lockOf(now, now, row.count, baseSeconds, maxSeconds);
  }

  /** The lock on `key` still in force, if any. */
  async activeLock(key: string, baseSeconds: number, maxSeconds: number): Promise<Lock | null> {
    const [row] = (await this.dataSource.query(`SELECT window_start, count FROM rate_limit_buckets WHERE key = $1 ORDER BY window_start DESC LIMIT 1`, [key])) as {
      window_start: Date;
      count: number;
    }[];
    if (!row) return null;
    const lock = this.lockOf(this.clock.now(), row.window_start, row.count, baseSeconds, maxSeconds);
    return lock.until > this.clock.now() ? lock : null;
  }

  private lockOf(now: Date, start: Date, level: number, baseSeconds: number, maxSeconds: number): Lock {
    const seconds = Math.min(baseSeconds * 2 ** (level - 1), maxSeconds);
    const until = new Date(start.getTime() + seconds * 1000);
    return { until, retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) };
  }

  private window(windowSeconds: number): { start: Date; retryAfterSeconds: number; now: Date } {
    const now = this.clock.now();
    const ms = windowSeconds * 1000;
    const start = Math.floor(now.getTime() / ms) * ms;
    return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + ms - now.getTime()) / 1000)), now };
  }

  /** Dead windows are removed now and then by whichever replica draws the short straw; no job needed. */
  private async maybePrune(now: Date): Promise<void> {
    if (Math.random() >= 0.001) return;
    await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE window_start < $1`, [new Date(now.getTime() - RETENTION_MS)]);
  }
}
