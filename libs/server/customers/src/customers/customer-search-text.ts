import { anyOf, substringMatch } from '@kehu/server-core';

/** Name and short name as one text (alias `c`), as customer_search_terms.search_text stores it. */
export const CUSTOMER_SEARCH_TEXT = `c.name || ' ' || coalesce(c.short_name, '')`;

export interface CustomerTextMatchOptions {
  /** Conditions on a customers row without alias (e.g. `phone = :p`), each served by its own index. */
  exact?: (string | false | null | undefined)[];
  /** Customers in the recycle bin have no search terms: match them on the row. */
  deleted?: boolean;
}

/**
 * SQL for "customer `c` has `text` in its name or short name, or one of `exact` holds".
 * Two or more characters go through the bigram index of customer_search_terms, as one id set with the exact matches (a semi-join the planner may start
 * from either side); one character has no bigram and is matched by LIKE on the row within
 * whatever else narrows the query (the scope).
 */
export function customerTextMatch(text: string, likeParam: string, textParam: string, options: CustomerTextMatchOptions = {}): string {
  const others = (options.exact ?? []).filter((e): e is string => Boolean(e));
  if ([...text].length < 2 || options.deleted) return anyOf(substringMatch(CUSTOMER_SEARCH_TEXT, text, likeParam, textParam), ...others.map((e) => `c.${e}`));
  const sets = [`SELECT s.customer_id FROM customer_search_terms s WHERE ${substringMatch('s.search_text', text, likeParam, textParam)}`, ...others.map((e) => `SELECT x.id FROM customers x WHERE x.deleted_at IS NULL AND x.${e}`)];
  return `c.id IN (${sets.join(' UNION ALL ')})`;
}
