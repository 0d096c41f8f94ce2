import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Promotion } from '@element-plus/icons-vue';

// The marketing module's screens will be added here; until then its entry shows what is coming.
export const marketingRoutes: RouteRecordRaw[] = [
  {
    path: 'marketing',
    name: 'marketing',
    component: () => import('@/core/pages/module-placeholder-page.vue'),
    meta: { titleKey: 'nav.marketing', help: 'workspace', module: 'marketing', nav: { icon: markRaw(Promotion), order: 20 } },
  },
];
