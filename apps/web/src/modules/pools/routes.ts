import type { RouteRecordRaw } from 'vue-router';
import { registerPoolsMessages } from './i18n/register';

registerPoolsMessages();

/** The public pool (公海): the pool page, my customers returning soon, pool settings. Each page is its own chunk. */
export const poolsRoutes: RouteRecordRaw[] = [
  {
    path: 'sales/pools',
    name: 'sales-pools',
    component: () => import('./pages/pool-page.vue'),
    meta: { titleKey: 'pools.nav.pool', help: 'pool', module: 'sales', permission: 'sales.pool.read' },
  },
  {
    path: 'sales/pools/returning',
    name: 'sales-pools-returning',
    component: () => import('./pages/returning-soon-page.vue'),
    meta: { titleKey: 'pools.nav.returning', help: 'poolReturning', module: 'sales', permission: 'sales.pool.read' },
  },
  {
    path: 'sales/pools/settings',
    name: 'sales-pools-settings',
    component: () => import('./pages/pool-settings-page.vue'),
    meta: { titleKey: 'pools.nav.settings', help: 'poolSettings', module: 'sales', permission: 'sales.pool.manage' },
  },
];
