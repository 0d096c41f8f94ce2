import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { House } from '@element-plus/icons-vue';

export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'dashboard',
    component: () => import('./pages/dashboard-page.vue'),
    meta: { titleKey: 'nav.dashboard', help: 'dashboard', nav: { icon: markRaw(House), order: 0 } },
  },
];
