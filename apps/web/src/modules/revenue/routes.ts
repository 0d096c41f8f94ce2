import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Money } from '@element-plus/icons-vue';
import { registerRevenueMessages } from './i18n/register';

registerRevenueMessages();

/** Revenue (营收): orders, products and price lists, grading rules, commissions. Every page is its own chunk. */
export const revenueRoutes: RouteRecordRaw[] = [
  {
    path: 'revenue/orders',
    name: 'revenue-orders',
    component: () => import('./pages/orders-page.vue'),
    meta: { titleKey: 'revenue.nav.title', help: 'revenueOrders', module: 'sales', permission: 'sales.order.read', nav: { icon: markRaw(Money), order: 15 } },
  },
  {
    path: 'revenue/orders/:id',
    name: 'revenue-order',
    component: () => import('./pages/order-detail-page.vue'),
    meta: { titleKey: 'revenue.nav.orders', help: 'revenueOrder', module: 'sales', permission: 'sales.order.read' },
  },
  {
    path: 'revenue/products',
    name: 'revenue-products',
    component: () => import('./pages/products-page.vue'),
    meta: { titleKey: 'revenue.nav.products', help: 'revenueProducts', module: 'sales', permission: 'sales.product.read' },
  },
  {
    path: 'revenue/grading',
    name: 'revenue-grading',
    component: () => import('./pages/grading-page.vue'),
    meta: { titleKey: 'revenue.nav.grading', help: 'revenueGrading', module: 'sales', permission: 'sales.grading.manage' },
  },
  {
    path: 'revenue/commissions',
    name: 'revenue-commissions',
    component: () => import('./pages/commissions-page.vue'),
    meta: { titleKey: 'revenue.nav.commissions', help: 'revenueCommissions', module: 'sales', permission: 'sales.commission.read' },
  },
];
