import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Sell } from '@element-plus/icons-vue';
import { prefetchCustomerList } from './api/customer-list-prefetch';

// The sales area; every page is its own chunk, loaded when first opened.
export const salesRoutes: RouteRecordRaw[] = [
  {
    path: 'sales',
    name: 'sales',
    component: () => import('./pages/customers-page.vue'),
    meta: { titleKey: 'nav.sales', help: 'salesCustomers', module: 'sales', permission: 'sales.customer.read', nav: { icon: markRaw(Sell), order: 10 }, prefetch: prefetchCustomerList, coreMessagesOnly: true },
  },
  {
    path: 'sales/customers/:id',
    name: 'sales-customer',
    component: () => import('./pages/customer-detail-page.vue'),
    meta: { titleKey: 'sales.sections.customer', help: 'salesCustomer', module: 'sales', permission: 'sales.customer.read' },
  },
  {
    path: 'sales/data-quality',
    name: 'sales-data-quality',
    component: () => import('./pages/data-quality-page.vue'),
    // Managers: the merge permission is what tells them apart from reps.
    meta: { titleKey: 'sales.sections.dataQuality', help: 'salesDataQuality', module: 'sales', permission: 'sales.customer.merge' },
  },
];
