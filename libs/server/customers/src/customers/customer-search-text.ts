import { anyOf, substringMatch } from '@kehu/server-core';

/** Name and short name as one text (alias `c`), as customer_search_terms.search_text stores it. */
export const CUSTOMER_SEARCH_TEXT = `c.name || ' ' || coalesce(c.short_name, '')`;

/**
 * SQL for "customer `c` has `text` in its name or short name, or one of `exact` holds"
 * (`exact`: conditions on a customers row without alias, e.g. `phone = :p`, each served by
 * its own index). Two or more characters go through the bigram index of
 * customer_search_terms, as one id set with the exact matches (a semi-join the planner may
 * start from either side); one character has no bigram and is matched by LIKE on the row
 * within whatever else narrows the query (the scope).
 */
export function customerTextMatch(text: string, likeParam: string, textParam: string, exact: (string | false | null | undefined)[] = []): string {
  const others = exact.filter((e): e is string => Boolean(e));
  if ([...text].length < 2) return anyOf(substringMatch(CUSTOMER_SEARCH_TEXT, text, likeParam, textParam), ...others.map((e) => `c.${e}`));
  const sets = [
    `SELECT s.customer_id FROM customer_search_terms s WHERE ${substringMatch('s.search_text', text, likeParam, textParam)}`,
    ...others.map((e) => `SELECT x.id FROM customers x WHERE x.deleted_at IS NULL AND x.${e}`),
  ];
  return `c.id IN (${sets.join(' UNION ALL ')})`;
}
