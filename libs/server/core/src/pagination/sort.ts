import { ErrorCode } from '@kehu/contracts';
import { DomainException } from '../errors/domain.exception';

export interface SortColumn {
  /** SQL expression, e.g. `c.created_at`. Must be NOT NULL (keyset needs total order). */
  expression: string;
  /** Name of the sort (documentation; the cursor reads the expression itself). */
  key: string;
  direction: 'ASC' | 'DESC';
}

/** What a list offers: public sort name → SQL expression and the row key it reads. */
export type SortWhitelist = Record<string, Omit<SortColumn, 'direction'>>;

/**
 * Parses `sort=name` / `sort=-createdAt` against a whitelist and appends the id as a
 * tie-breaker, so every order is total and keyset pagination is exact.
 */
export function parseSort(sort: string | undefined, whitelist: SortWhitelist, fallback: string, idColumn: { expression: string; key: string }): { key: string; columns: SortColumn[] } {
  const raw = sort?.trim() || fallback;
  const desc = raw.startsWith('-');
  const name = desc ? raw.slice(1) : raw;
  const entry = whitelist[name];
  if (!entry) {
    throw new DomainException(ErrorCode.VALIDATION_FAILED, `sort must be one of ${Object.keys(whitelist).flatMap((k) => [k, `-${k}`]).join(', ')}`, {
      errors: [{ field: 'sort', rule: 'isIn', message: `sort must be one of ${Object.keys(whitelist).join(', ')} (prefix - for descending)` }],
    });
  }
  const direction = desc ? 'DESC' : 'ASC';
  const columns: SortColumn[] = [{ ...entry, direction }];
  if (entry.expression !== idColumn.expression) columns.push({ ...idColumn, direction });
  return { key: raw, columns };
}
