import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Service } from '@element-plus/icons-vue';

// Cases, SLA policy and service figures; until their pages land the entry shows what is coming.
export const casesRoutes: RouteRecordRaw[] = [
  {
    path: 'service',
    name: 'service',
    component: () => import('@/core/pages/module-placeholder-page.vue'),
    meta: { titleKey: 'nav.service', help: 'workspace', module: 'service', nav: { icon: markRaw(Service), order: 30 } },
  },
];
