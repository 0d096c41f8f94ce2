import { Query, type PoolClient, type QueryArrayConfig } from 'pg';
import { QueryFailedError, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/** One column of a keyset: its SQL expression and the type its text form is cast back to. */
export interface KeysetColumn {
  sql: string;
  type: string;
}

/**
 * The order a KeysetReader walks: its columns compared as one row (all in one direction, so an
 * index on them serves both the order and the "after the last row" condition); the last column
 * must make the order unique (an id).
 */
export interface KeysetOrder {
  direction: 'ASC' | 'DESC';
  columns: KeysetColumn[];
}

/** Newest first, by (created_at DESC, id DESC): the lists' default order and index. */
export const newestFirst = (a: string): KeysetOrder => ({
  direction: 'DESC',
  columns: [
    { sql: `${a}.created_at`, type: 'timestamptz' },
    { sql: `${a}.id`, type: 'uuid' },
  ],
});

/**
 * Reads the rows of `qb` in batches of `batchSize` in the keyset `order`. A row is an array: the
 * `cells` SQL expressions in order, then the keyset columns as text (timestamps keep their
 * microseconds). Each row goes to the caller as it arrives and is dropped at once, so rows die
 * young and no batch of them is ever held; each batch borrows a pooled connection only while its
 * query runs, so a slow download holds none.
 */
export class KeysetReader<T extends ObjectLiteral> {
  private readonly first: [string, unknown[]];
  private readonly after: [string, unknown[]];
  /** Where each keyset value goes in the next batch's parameters, found by identity of its stand-in. */
  private readonly slots: number[];
  private last?: unknown[];

  constructor(
    private readonly ds: DataSource,
    qb: SelectQueryBuilder<T>,
    cells: string[],
    readonly batchSize: number,
    order: KeysetOrder,
  ) {
    const keys = order.columns;
    // One selection string: TypeORM reorders separate ones that name entity columns.
    const list = [...cells, ...keys.map((k) => `${k.sql}::text`)].map((sql, i) => `${sql} AS "k${i}"`).join(', ');
    const ordered = qb.clone().select(list).orderBy(keys[0].sql, order.direction);
    for (const k of keys.slice(1)) ordered.addOrderBy(k.sql, order.direction);
    ordered.limit(batchSize);
    this.first = ordered.getQueryAndParameters();
    // Stand-ins for the keyset parameters, found again in TypeORM's values array.
    const standIns = keys.map((_, i) => Symbol(`keyset ${i}`));
    const params = Object.fromEntries(standIns.map((s, i) => [`ks${i}`, s]));
    const op = order.direction === 'DESC' ? '<' : '>';
    const row = `(${keys.map((k) => k.sql).join(', ')}) ${op} (${keys.map((k, i) => `:ks${i}::${k.type}`).join(', ')})`;
    this.after = ordered.andWhere(row, params).getQueryAndParameters();
    this.slots = standIns.map((s) => this.after[1].indexOf(s));
  }

  /** Streams the next batch to `onRow`; resolves with its row count (fewer than the batch size: it was the last). */
  async read(onRow: (row: unknown[]) => void): Promise<number> {
    const [text, template] = this.last ? this.after : this.first;
    const values = [...template];
    if (this.last) {
      const from = this.last.length - this.slots.length;
      this.slots.forEach((slot, i) => (values[slot] = this.last![from + i]));
    }
    const runner = this.ds.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const config: QueryArrayConfig = { text, values, rowMode: 'array' };
      let count = 0;
      let failed: unknown;
      await new Promise<void>((resolve, reject) => {
        client
          .query(new Query(config))
          .on('row', (row: unknown[]) => {
            count++;
            this.last = row;
            // A throw here would land in pg's protocol parser: keep it for the end of the query.
            try {
              if (!failed) onRow(row);
            } catch (err) {
              failed = err;
            }
          })
          .on('error', reject)
          .on('end', () => (failed ? reject(failed) : resolve()));
      });
      return count;
    } catch (err) {
      // As TypeORM reports it, so a bad filter value still maps to a 400.
      throw err instanceof Error && 'severity' in err ? new QueryFailedError(text, values, err) : err;
    } finally {
      await runner.release();
    }
  }
}
