import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Service } from '@element-plus/icons-vue';

// The service module's screens will be added here; until then its entry shows what is coming.
export const serviceRoutes: RouteRecordRaw[] = [
  {
    path: 'service',
    name: 'service',
    component: () => import('@/core/pages/module-placeholder-page.vue'),
    meta: { titleKey: 'nav.service', help: 'workspace', module: 'service', nav: { icon: markRaw(Service), order: 30 } },
  },
];
