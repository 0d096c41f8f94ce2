import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Setting } from '@element-plus/icons-vue';

// The admin module's screens will be added here; until then its entry shows what is coming.
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin',
    name: 'admin',
    component: () => import('@/core/pages/module-placeholder-page.vue'),
    meta: { titleKey: 'nav.admin', help: 'workspace', roles: ['admin'], nav: { icon: markRaw(Setting), order: 90 } },
  },
];
