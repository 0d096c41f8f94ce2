import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { DataAnalysis } from '@element-plus/icons-vue';

// The analytics module's screens will be added here; until then its entry shows what is coming.
export const analyticsRoutes: RouteRecordRaw[] = [
  {
    path: 'analytics',
    name: 'analytics',
    component: () => import('@/core/pages/module-placeholder-page.vue'),
    meta: { titleKey: 'nav.analytics', help: 'workspace', module: 'analytics', nav: { icon: markRaw(DataAnalysis), order: 40 } },
  },
];
