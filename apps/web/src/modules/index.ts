import { defineAsyncComponent, type Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { authRoutes } from './auth/routes';
import { dashboardRoutes } from './dashboard/routes';
import { profileRoutes } from './profile/routes';
import { salesRoutes } from './sales/routes';
import { marketingRoutes } from './marketing/routes';
import { serviceRoutes } from './service/routes';
import { analyticsRoutes } from './analytics/routes';
import { adminRoutes } from './admin/routes';
import { dealsRoutes } from './deals/routes';
import { poolsRoutes } from './pools/routes';
import { revenueRoutes } from './revenue/routes';
import { contractsRoutes } from './contracts/routes';

let lazyMessages: Promise<void> | undefined;

/**
 * The texts of service, marketing, contracts and analytics, kept out of the entry (~30 KB gzip
 * the customer list's first paint does not use): the router awaits them before any other page
 * and loads them after the customer list is shown. A failed load is tried again next time.
 */
export function loadLazyMessages(): Promise<void> {
  lazyMessages ??= import('./lazy-module-messages')
    .then((m) => m.registerLazyModuleMessages())
    .catch((err: unknown) => {
      lazyMessages = undefined;
      throw err;
    });
  return lazyMessages;
}

/** Pages without the app shell (sign-in). */
export const publicRoutes: RouteRecordRaw[] = [...authRoutes];

/** Pages inside the app shell; those with `meta.nav` appear in the sidebar. */
export const appRoutes: RouteRecordRaw[] = [
  ...dashboardRoutes,
  ...profileRoutes,
  ...salesRoutes,
  ...dealsRoutes,
  ...poolsRoutes,
  ...revenueRoutes,
  ...contractsRoutes,
  ...marketingRoutes,
  ...serviceRoutes,
  ...analyticsRoutes,
  ...adminRoutes,
];

/** Extra buttons modules put in the header (each decides itself whether to show). */
export const headerWidgets: Component[] = [defineAsyncComponent(() => import('./sales/components/quick-entry-button.vue'))];

/** Components mounted once in the app shell: global shortcuts and their dialogs. */
export const shellWidgets: Component[] = [defineAsyncComponent(() => import('./sales/components/quick-entry-host.vue'))];
