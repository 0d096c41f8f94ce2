/**
 * Existing records by external id, through the `(external_source, external_id)` unique
 * index: `external_id = ANY(…)` alone cannot use it (not the leading column) and, ORed
 * with the other keys, turned every batch's lookup into a scan of the whole table (seconds
 * per batch at 1M customers). Candidates are confirmed by source in the caller's map.
 * Placeholders from `$first`: ids, sources, whether any id has no source.
 */
export const EXTERNAL_ID_MATCH = (table: string, first = 2): string =>
  `SELECT id FROM ${table} WHERE deleted_at IS NULL AND external_source = ANY($${first + 1}::text[]) AND external_id = ANY($${first}::text[])
   UNION ALL SELECT id FROM ${table} WHERE $${first + 2}::boolean AND deleted_at IS NULL AND external_source IS NULL AND external_id = ANY($${first}::text[])`;

export function externalIdParams(values: Record<string, unknown>[]): [string[], string[], boolean] {
  const ids = values.map((v) => v.externalId as string);
  const sources = [...new Set(values.map((v) => v.externalSource as string | null | undefined).filter((s): s is string => !!s))];
  return [ids, sources, values.some((v) => !v.externalSource)];
}
