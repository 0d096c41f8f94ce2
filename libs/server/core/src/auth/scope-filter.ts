import { DataScope } from '@kehu/contracts';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from './principal';

export interface ScopeColumns {
  /** Column holding the owning user (e.g. `c.owner_id`). */
  owner?: string;
  /** Column holding the owning department (e.g. `c.department_id`). */
  department?: string;
}

let seq = 0;

/**
 * The data-scope filter: the one place that narrows a query to the records a
 * principal may see for a permission. Out-of-scope rows simply do not match, so
 * get/update/delete answer 404 and lists/counts never reveal them.
 */
export function applyScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  principal: Principal,
  permission: string,
  columns: ScopeColumns,
): SelectQueryBuilder<T> {
  const scope = principal.permissions[permission];
  const p = `scope${++seq % 1_000_000}`;
  if (!scope) return qb.andWhere('1 = 0');
  switch (scope) {
    case DataScope.ALL:
      return qb;
    case DataScope.DEPARTMENT:
      if (!columns.department) return qb.andWhere(`${columns.owner} = ANY(:${p})`, { [p]: principal.teamMemberIds });
      return qb.andWhere(`${columns.department} = ANY(:${p})`, { [p]: principal.departmentSubtreeIds });
    case DataScope.TEAM:
      return qb.andWhere(`${columns.owner} = ANY(:${p})`, { [p]: principal.teamMemberIds });
    case DataScope.OWN:
      return qb.andWhere(`${columns.owner} = :${p}`, { [p]: principal.userId });
    default:
      return assertUnreachable(scope);
  }
}

/**
 * The same filter as a condition for hand-written SQL (aggregates over several tables in one
 * statement): `bind` adds a parameter and returns its placeholder. Same rules as applyScope.
 */
export function scopeSql(principal: Principal, permission: string, columns: ScopeColumns, bind: (value: unknown) => string): string {
  const scope = principal.permissions[permission];
  if (!scope) return 'false';
  switch (scope) {
    case DataScope.ALL:
      return 'true';
    case DataScope.DEPARTMENT:
      return columns.department ? `${columns.department} = ANY(${bind(principal.departmentSubtreeIds)})` : `${columns.owner} = ANY(${bind(principal.teamMemberIds)})`;
    case DataScope.TEAM:
      return `${columns.owner} = ANY(${bind(principal.teamMemberIds)})`;
    case DataScope.OWN:
      return `${columns.owner} = ${bind(principal.userId)}`;
    default:
      return assertUnreachable(scope);
  }
}

/**
 * The owners whose records a principal may see, when the scope is a list of people
 * (own, team — and department for records without a department column, as applyScope
 * reads it); null when the scope is a department subtree or everything. Lets a query walk
 * a per-owner index owner by owner (top-N per owner, then merge) instead of filtering a
 * whole range; the people are exactly those applyScope would admit.
 */
export function scopeOwnerIds(principal: Principal, permission: string, columns: ScopeColumns): string[] | null {
  const scope = principal.permissions[permission];
  if (!scope) return [];
  if (scope === DataScope.OWN) return [principal.userId];
  if (scope === DataScope.TEAM || (scope === DataScope.DEPARTMENT && !columns.department)) return principal.teamMemberIds;
  return null;
}

export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
