/** A timestamptz as JavaScript's `toISOString()` prints it (UTC, milliseconds truncated as a Date does). */
export const isoTimestampSql = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * `json_build_object('key', expression, …)`: a DTO built by PostgreSQL, for the hot reads
 * (paginateJson, a record by id) where hydrating an entity, parsing its timestamps into Dates
 * and printing them back cost most of the API's CPU. Each caller keeps a parity test
 * against its entity mapper.
 */
export function jsonObjectSql(fields: [key: string, expression: string][]): string {
  return `json_build_object(${fields.map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
}

const NONE: readonly string[] = [];
const built = new WeakMap<readonly string[], WeakMap<readonly string[], Map<string, string>>>();

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The DTO of row `alias` whose fields are its columns under their camelCase names, e.g.
 * `short_name` → `shortName`; the `timestamps` print as toISOString() does.
 */
export function columnsJsonSql(alias: string, columns: readonly string[], timestamps: readonly string[] = NONE): string {
  // Callers pass constant arrays: the text is built once per (columns, timestamps, alias), not
  // per request (it was ~3 % of a by-id request's CPU).
  let byTimestamps = built.get(columns);
  if (!byTimestamps) built.set(columns, (byTimestamps = new WeakMap()));
  let byAlias = byTimestamps.get(timestamps);
  if (!byAlias) byTimestamps.set(timestamps, (byAlias = new Map()));
  let sql = byAlias.get(alias);
  if (sql === undefined) {
    sql = jsonObjectSql(columns.map((column) => [camel(column), timestamps.includes(column) ? isoTimestampSql(`${alias}.${column}`) : `${alias}.${column}`]));
    byAlias.set(alias, sql);
  }
  return sql;
}
