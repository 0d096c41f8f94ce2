/**
 * SQL for "`text` occurs in `expression`", served by a `kehu_bigrams(expression)` GIN
 * index (core migration 1795622320000): the index narrows to rows holding every
 * two-character piece of the text, LIKE on lower-cased text confirms the substring. `expression` must read
 * exactly as in the index definition, or the planner will not use it.
 *
 * A one-character text has no bigram (and `@> '{}'` would walk the whole index), so it
 * is matched by LIKE alone within whatever else the query narrows to (the scope).
 */
export function substringMatch(expression: string, text: string, likeParam: string, textParam: string): string {
  // lower() LIKE, not ILIKE: a pg_trgm index on the same column (kept for duplicate checks)
  // must not be chosen for the recheck — for a 1–2 character pattern it has no trigram to
  // look up and walks every entry (all 1M opportunities, 0.8 s).
  const like = `lower(${expression}) LIKE lower(:${likeParam})`;
  return [...text].length < 2 ? like : `(kehu_bigrams(${expression}) @> kehu_bigrams(:${textParam}) AND ${like})`;
}

/** `%text%` for LIKE / ILIKE, with its wildcards escaped: the one escape every "contains" filter uses. */
export const likePattern = (text: string): string => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * `(a OR b …)` of the conditions that apply: a search for a name should not OR in
 * `phone = ''`, which can cost the planner its index plan for the whole statement.
 */
export function anyOf(...conditions: (string | false | null | undefined)[]): string {
  const present = conditions.filter((c): c is string => Boolean(c));
  return present.length === 1 ? present[0] : `(${present.join(' OR ')})`;
}
