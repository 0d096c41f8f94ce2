import type { RouteMeta } from 'vue-router';
import type { AppModule } from './route-meta';

export interface Access {
  modules: readonly AppModule[];
  roles: readonly string[];
  permissions: readonly string[];
}

/**
 * Whether a signed-in user may open a route: its module is switched on, they hold a required
 * role and the required permission. `meta` of a child route includes its parents' (vue-router merges them).
 */
export function canAccess(meta: RouteMeta, access: Access): boolean {
  if (meta.module && !access.modules.includes(meta.module)) return false;
  if (meta.roles && !meta.roles.some((role) => access.roles.includes(role))) return false;
  if (meta.permission && !access.permissions.includes(meta.permission)) return false;
  return true;
}
