import type { RouteRecordRaw } from 'vue-router';

// Service contracts (服务合同): the list and one contract with its service levels and cases. Under the
// service sidebar entry (a tab of the service pages); every page is its own chunk.
export const serviceContractsRoutes: RouteRecordRaw[] = [
  {
    path: 'service/contracts',
    name: 'service-contracts',
    component: () => import('./pages/service-contracts-page.vue'),
    meta: { titleKey: 'serviceContracts.nav.contracts', help: 'serviceContracts', module: 'service', permission: 'service.contract.read' },
  },
  {
    path: 'service/contracts/:id',
    name: 'service-contract',
    component: () => import('./pages/service-contract-detail-page.vue'),
    meta: { titleKey: 'serviceContracts.nav.detail', help: 'serviceContractDetail', module: 'service', permission: 'service.contract.read' },
  },
];
