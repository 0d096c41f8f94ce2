import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One counter per key and window, shared by every API replica because it lives in
 * PostgreSQL. The table is UNLOGGED (see the migration): counters are worth losing
 * on a crash rather than paying WAL for every request.
 *
 * Two kinds of rows: counting windows (`window_start` aligned to the window length,
 * `count` = events in it) and lockouts (`window_start` = when the lock began,
 * `count` = how many locks in a row, which doubles the lock's length).
 */
@Entity('rate_limit_buckets')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'int' })
  count: number;
}
