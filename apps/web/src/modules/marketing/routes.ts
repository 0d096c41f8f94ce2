import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Promotion } from '@element-plus/icons-vue';

/** Marketing (市场): segments (客户细分) first; campaigns build on them. Every page is its own chunk. */
export const marketingRoutes: RouteRecordRaw[] = [
  { path: 'marketing', redirect: '/marketing/segments' },
  {
    path: 'marketing/segments',
    name: 'marketing-segments',
    component: () => import('./pages/segments-page.vue'),
    meta: { titleKey: 'nav.segments', help: 'marketingSegments', module: 'marketing', permission: 'marketing.segment.read', nav: { icon: markRaw(Promotion), order: 20 } },
  },
  {
    path: 'marketing/segments/new',
    name: 'marketing-segment-new',
    component: () => import('./pages/segment-editor-page.vue'),
    meta: { titleKey: 'marketing.nav.create', help: 'marketingSegmentEdit', module: 'marketing', permission: 'marketing.segment.manage' },
  },
  {
    path: 'marketing/segments/:id',
    name: 'marketing-segment',
    component: () => import('./pages/segment-detail-page.vue'),
    meta: { titleKey: 'marketing.nav.segment', help: 'marketingSegment', module: 'marketing', permission: 'marketing.segment.read' },
  },
  {
    path: 'marketing/segments/:id/edit',
    name: 'marketing-segment-edit',
    component: () => import('./pages/segment-editor-page.vue'),
    meta: { titleKey: 'marketing.nav.edit', help: 'marketingSegmentEdit', module: 'marketing', permission: 'marketing.segment.manage' },
  },
];
