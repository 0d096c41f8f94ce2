import { DataScope, PERMISSIONS, type Permission, type PermissionGrants } from '@kehu/contracts';

/** A matrix cell: a data scope, or `none` when the role lacks the permission. */
export type ScopeChoice = DataScope | 'none';
export type PermissionMatrix = Record<Permission, ScopeChoice>;

export const scopeChoices: readonly ScopeChoice[] = ['none', DataScope.OWN, DataScope.TEAM, DataScope.DEPARTMENT, DataScope.ALL];

export interface PermissionRow {
  permission: Permission;
  action: string;
}

/** Rows of one `module.resource`, e.g. all `sales.customer.*` actions. */
export interface PermissionGroup {
  key: string;
  module: string;
  resource: string;
  rows: PermissionRow[];
}

/** Permissions grouped by module and resource, in catalogue order. */
export function groupPermissions(permissions: readonly Permission[] = PERMISSIONS): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const permission of permissions) {
    const [module, resource, ...action] = permission.split('.');
    const key = `${module}.${resource}`;
    if (!groups.has(key)) groups.set(key, { key, module, resource, rows: [] });
    groups.get(key)!.rows.push({ permission, action: action.join('.') });
  }
  return [...groups.values()];
}

/** One cell per known permission; grants for unknown permissions are dropped. */
export function toMatrix(grants: PermissionGrants | Record<string, string>, permissions: readonly Permission[] = PERMISSIONS): PermissionMatrix {
  const source = grants as Record<string, string>;
  return Object.fromEntries(permissions.map((p) => [p, (scopeChoices as string[]).includes(source[p]) ? source[p] : 'none'])) as PermissionMatrix;
}

/** What the API stores: only granted permissions. */
export function toGrants(matrix: PermissionMatrix): PermissionGrants {
  return Object.fromEntries(Object.entries(matrix).filter(([, scope]) => scope !== 'none')) as PermissionGrants;
}

/** Permissions whose scope differs between two matrices. */
export function changedPermissions(a: PermissionMatrix, b: PermissionMatrix): Permission[] {
  return (Object.keys(a) as Permission[]).filter((p) => a[p] !== b[p]);
}

/** Sets every action of a group to one scope (the group's header select). */
export function setGroupScope(matrix: PermissionMatrix, group: PermissionGroup, scope: ScopeChoice): void {
  for (const row of group.rows) matrix[row.permission] = scope;
}

/** The group's common scope, or null when its actions differ. */
export function groupScope(matrix: PermissionMatrix, group: PermissionGroup): ScopeChoice | null {
  const scopes = new Set(group.rows.map((r) => matrix[r.permission]));
  return scopes.size === 1 ? [...scopes][0] : null;
}

/** How many permissions a role grants, for the role list. */
export const grantedCount = (grants: PermissionGrants | Record<string, string>): number => Object.keys(grants).length;
