import { computed, type Component } from 'vue';
import { useRouter } from 'vue-router';
import { useAuthStore } from '@/stores/auth.store';
import { canAccess } from '@/core/router/access';

export interface NavItem {
  name: string;
  path: string;
  labelKey: string;
  icon: Component;
}

/** Sidebar entries: routes with `meta.nav` that the user may open, in menu order. */
export function useNavItems() {
  const router = useRouter();
  const auth = useAuthStore();
  return computed<NavItem[]>(() =>
    router
      .getRoutes()
      .filter((route) => route.meta.nav && typeof route.name === 'string')
      .filter((route) => canAccess(route.meta, { modules: auth.modules, roles: auth.roles, permissions: auth.permissions }))
      .sort((a, b) => a.meta.nav!.order - b.meta.nav!.order)
      .map((route) => ({ name: route.name as string, path: route.path, labelKey: route.meta.titleKey ?? String(route.name), icon: route.meta.nav!.icon })),
  );
}
