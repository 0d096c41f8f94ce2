import type { RouteRecordRaw } from 'vue-router';

// Work orders (派工单): the dispatch board, the list and a technician's visits; one visit with its steps.
// Under the service sidebar entry (a tab of the service pages); every page is its own chunk. The
// notification a technician gets links to /service/work-orders/:id.
export const workOrdersRoutes: RouteRecordRaw[] = [
  {
    path: 'service/work-orders',
    name: 'work-orders',
    component: () => import('./pages/work-orders-page.vue'),
    meta: { titleKey: 'workOrders.nav.workOrders', help: 'workOrders', module: 'service', permission: 'service.workorder.read' },
  },
  {
    path: 'service/work-orders/:id',
    name: 'work-order',
    component: () => import('./pages/work-order-detail-page.vue'),
    meta: { titleKey: 'workOrders.nav.detail', help: 'workOrderDetail', module: 'service', permission: 'service.workorder.read' },
  },
];
