const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** One test for many patterns (`customer.*`, `case.resolved`, `*`): `*` stands for any characters, dots included. */
export function eventMatcher(patterns: readonly string[]): (type: string) => boolean {
  if (!patterns.length) return () => false;
  const re = new RegExp(`^(?:${[...new Set(patterns)].map((p) => p.split('*').map(escape).join('.*')).join('|')})$`);
  return (type) => re.test(type);
}

/**
 * The same test in SQL over a subscription's `events` array, for the fan-out (the database is
 * the authority there). Patterns are validated to `[a-z0-9_.*-]`, so only `_` needs escaping for LIKE.
 */
export const eventMatchesSql = (events: string, type: string): string =>
  `EXISTS (SELECT 1 FROM unnest(${events}) AS p WHERE ${type} LIKE replace(replace(p, '_', '\\_'), '*', '%'))`;
