import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { DataAnalysis, TrendCharts } from '@element-plus/icons-vue';

/**
 * Analytics (分析): the revenue cube and customer value, each in the sidebar (marketing reads
 * customer value without the revenue cube). Every page is its own chunk: ECharts loads only here.
 */
export const analyticsRoutes: RouteRecordRaw[] = [
  { path: 'analytics', redirect: '/analytics/revenue' },
  {
    path: 'analytics/revenue',
    name: 'analytics-revenue',
    component: () => import('./pages/revenue-cube-page.vue'),
    meta: { titleKey: 'nav.revenueCube', help: 'analyticsRevenue', module: 'analytics', permission: 'analytics.revenue.read', nav: { icon: markRaw(DataAnalysis), order: 40 } },
  },
  {
    path: 'analytics/customer-value',
    name: 'analytics-value',
    component: () => import('./pages/customer-value-page.vue'),
    meta: { titleKey: 'nav.customerValue', help: 'analyticsValue', module: 'analytics', permission: 'analytics.value.read', nav: { icon: markRaw(TrendCharts), order: 41 } },
  },
];
