/**
 * SQL for "`text` occurs in `expression`", served by a `kehu_bigrams(expression)` GIN
 * index (core migration 1795622320000): the index narrows to rows holding every
 * two-character piece of the text, ILIKE confirms the substring. `expression` must read
 * exactly as in the index definition, or the planner will not use it.
 *
 * A one-character text has no bigram (and `@> '{}'` would walk the whole index), so it
 * is matched by ILIKE alone within whatever else the query narrows to (the scope).
 */
export function substringMatch(expression: string, text: string, likeParam: string, textParam: string): string {
  const like = `${expression} ILIKE :${likeParam}`;
  return [...text].length < 2 ? like : `(kehu_bigrams(${expression}) @> kehu_bigrams(:${textParam}) AND ${like})`;
}

/** `%text%` for ILIKE, with its wildcards escaped. */
export const likePattern = (text: string): string => `%${text.replace(/[%_\\]/g, '\\$&')}%`;
