import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Service } from '@element-plus/icons-vue';

/**
 * Cases (工单) with SLA, the SLA policy and the service figures. The sidebar entry is `/service`
 * (so every service page, the knowledge base's too, keeps it highlighted) and opens the cases.
 * Every page is its own chunk.
 */
export const casesRoutes: RouteRecordRaw[] = [
  {
    path: 'service',
    name: 'service',
    redirect: { name: 'cases' },
    meta: { titleKey: 'nav.customerService', help: 'cases', module: 'service', permission: 'service.case.read', nav: { icon: markRaw(Service), order: 30 } },
  },
  {
    path: 'service/cases',
    name: 'cases',
    component: () => import('./pages/cases-page.vue'),
    meta: { titleKey: 'service.nav.cases', help: 'cases', module: 'service', permission: 'service.case.read' },
  },
  {
    path: 'service/cases/:id',
    name: 'case',
    component: () => import('./pages/case-detail-page.vue'),
    meta: { titleKey: 'help.caseDetail.title', help: 'caseDetail', module: 'service', permission: 'service.case.read' },
  },
  {
    path: 'service/sla-policy',
    name: 'sla-policy',
    component: () => import('./pages/sla-policy-page.vue'),
    meta: { titleKey: 'service.nav.slaPolicy', help: 'slaPolicy', module: 'service', permission: 'service.sla.manage' },
  },
  {
    path: 'service/metrics',
    name: 'service-metrics',
    component: () => import('./pages/service-metrics-page.vue'),
    meta: { titleKey: 'service.nav.metrics', help: 'serviceMetrics', module: 'service', permission: 'service.metrics.read' },
  },
];
