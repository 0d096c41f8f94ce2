import { Query, type PoolClient, type QueryArrayConfig } from 'pg';
import { QueryFailedError, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

// Stand-ins for the keyset parameters: found again in the values array by identity.
const AT = Symbol('keyset created_at');
const ID = Symbol('keyset id');

/**
 * Reads the rows of `qb` (alias `a`) in batches of `batchSize` by (created_at DESC, id DESC), the
 * list's order and index. A row is an array: the `cells` SQL expressions in order, then the
 * keyset (created_at as text, microseconds intact, and id). Each row goes to the caller as it
 * arrives and is dropped at once, so rows die young and no batch of them is ever held; each
 * batch borrows a pooled connection only while its query runs, so a slow download holds none.
 */
export class KeysetReader<T extends ObjectLiteral> {
  private readonly first: [string, unknown[]];
  private readonly after: [string, unknown[]];
  private readonly at: number;
  private readonly id: number;
  private last?: unknown[];

  constructor(
    private readonly ds: DataSource,
    qb: SelectQueryBuilder<T>,
    a: string,
    cells: string[],
    readonly batchSize: number,
  ) {
    // One selection string: TypeORM reorders separate ones that name entity columns.
    const list = [...cells, `${a}.created_at::text`, `${a}.id`].map((sql, i) => `${sql} AS "k${i}"`).join(', ');
    const ordered = qb.clone().select(list).orderBy(`${a}.created_at`, 'DESC').addOrderBy(`${a}.id`, 'DESC').limit(batchSize);
    this.first = ordered.getQueryAndParameters();
    this.after = ordered.andWhere(`(${a}.created_at, ${a}.id) < (:ksAt::timestamptz, :ksId::uuid)`, { ksAt: AT, ksId: ID }).getQueryAndParameters();
    this.at = this.after[1].indexOf(AT);
    this.id = this.after[1].indexOf(ID);
  }

  /** Streams the next batch to `onRow`; resolves with its row count (fewer than the batch size: it was the last). */
  async read(onRow: (row: unknown[]) => void): Promise<number> {
    const [text, template] = this.last ? this.after : this.first;
    const values = [...template];
    if (this.last) {
      values[this.at] = this.last[this.last.length - 2];
      values[this.id] = this.last[this.last.length - 1];
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
