import { Limits, type Page } from '@kehu/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { getRawPrepared } from '../database/prepared-query';
import { decodeCursor, encodeCursor } from './cursor';
import type { SortColumn } from './sort';

export interface KeysetOptions {
  sort: { key: string; columns: SortColumn[] };
  cursor?: string;
  limit?: number;
  count?: boolean;
  /**
   * Run the page as a named prepared statement (see getRawPrepared): only for lists whose
   * plan does not depend on the parameter values, such as one customer's timeline.
   */
  prepared?: boolean;
}

/**
 * Keyset pagination over a query builder: `WHERE (sort cols) > (cursor values)`
 * with a row comparison (index-friendly) when all directions agree, fetching
 * limit + 1 rows to know whether a next page exists. The cursor holds each sort
 * expression as PostgreSQL renders it as text, so timestamps keep their microseconds
 * (a JS Date would round them and repeat rows) and computed sorts need no JS twin.
 */
export async function paginate<T extends ObjectLiteral, R = T>(
  qb: SelectQueryBuilder<T>,
  options: KeysetOptions,
  map: (row: T) => R = (row) => row as unknown as R,
): Promise<Page<R>> {
  const page = await keyset(qb, options);
  const { entities, raw } = await qb.take(undefined).limit(page.limit + 1).getRawAndEntities();
  // One raw row per entity: list queries join nothing to-many.
  return toPage(page, entities.map(map), raw);
}

/**
 * The same pagination for a query that selects each item as one JSON value built by
 * PostgreSQL (`select`, e.g. a `json_build_object(…)` of the DTO's fields): no entities to
 * hydrate and map, no timestamps parsed into Dates and printed back. For the hottest lists,
 * where that was most of the API's CPU per page.
 */
export async function paginateJson<T extends ObjectLiteral, R>(qb: SelectQueryBuilder<T>, options: KeysetOptions, select: string): Promise<Page<R>> {
  qb.select(select, 'kehu_item');
  const page = await keyset(qb, options);
  qb.take(undefined).limit(page.limit + 1);
  type Row = Record<string, string | null> & { kehu_item: R };
  const rows = options.prepared ? await getRawPrepared<Row, T>(qb) : ((await qb.getRawMany()) as Row[]);
  return toPage(page, rows.map((r) => r.kehu_item), rows);
}

/** The first `limit` items, and a cursor from the keyset columns of the last one when a row more came back. */
function toPage<R>({ limit, key, columns, total }: Awaited<ReturnType<typeof keyset>>, items: R[], raw: Record<string, string | null>[]): Page<R> {
  const hasMore = items.length > limit;
  const last = hasMore ? raw[limit - 1] : undefined;
  const nextCursor = last ? encodeCursor(key, columns.map((_, i) => last[`keyset_${i}`])) : null;
  return { data: hasMore ? items.slice(0, limit) : items, nextCursor, ...(total !== undefined ? { total } : {}) };
}

/** Count, cursor condition, order and the keyset columns: everything but the fetch. */
async function keyset<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, options: KeysetOptions) {
  const limit = Math.min(options.limit ?? Limits.pageSizeDefault, Limits.pageSizeMax);
  const { columns, key } = options.sort;
  const total = options.count ? await qb.clone().orderBy().getCount() : undefined;
  if (options.cursor) {
    const values = decodeCursor(options.cursor, key, columns.length);
    applyAfter(qb, columns, values);
  }
  columns.forEach((c, i) => {
    if (i === 0) qb.orderBy(c.expression, c.direction);
    else qb.addOrderBy(c.expression, c.direction);
    qb.addSelect(`(${c.expression})::text`, `keyset_${i}`);
  });
  return { limit, key, columns, total };
}

function applyAfter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, columns: SortColumn[], values: unknown[]): void {
  const params: Record<string, unknown> = {};
  columns.forEach((_, i) => (params[`ks${i}`] = values[i]));
  const sameDirection = columns.every((c) => c.direction === columns[0].direction);
  if (sameDirection) {
    const op = columns[0].direction === 'ASC' ? '>' : '<';
    qb.andWhere(`(${columns.map((c) => c.expression).join(', ')}) ${op} (${columns.map((_, i) => `:ks${i}`).join(', ')})`, params);
    return;
  }
  // Mixed directions: (a > x) OR (a = x AND b < y) …
  const ors = columns.map((c, i) => {
    const eqs = columns.slice(0, i).map((p, j) => `${p.expression} = :ks${j}`);
    return `(${[...eqs, `${c.expression} ${c.direction === 'ASC' ? '>' : '<'} :ks${i}`].join(' AND ')})`;
  });
  qb.andWhere(`(${ors.join(' OR ')})`, params);
}
