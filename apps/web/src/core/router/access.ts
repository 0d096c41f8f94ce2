import type { RouteMeta } from 'vue-router';
import type { AppModule } from './route-meta';

export interface Access {
  modules: readonly AppModule[];
  roles: readonly string[];
}

/** Whether a signed-in user may open a route: its module is switched on and they hold a required role. */
export function canAccess(meta: RouteMeta, access: Access): boolean {
  if (meta.module && !access.modules.includes(meta.module)) return false;
  if (meta.roles && !meta.roles.some((role) => access.roles.includes(role))) return false;
  return true;
}
