import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Sell } from '@element-plus/icons-vue';

// The sales module's screens will be added here; until then its entry shows what is coming.
export const salesRoutes: RouteRecordRaw[] = [
  {
    path: 'sales',
    name: 'sales',
    component: () => import('@/core/pages/module-placeholder-page.vue'),
    meta: { titleKey: 'nav.sales', help: 'workspace', module: 'sales', nav: { icon: markRaw(Sell), order: 10 } },
  },
];
