import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Tickets } from '@element-plus/icons-vue';

/**
 * Contracts, receivables and targets (合同 / 回款 / 目标). One sidebar entry for now; if a
 * Revenue area appears it takes these pages under its navigation. Every page is its own chunk.
 */
export const contractsRoutes: RouteRecordRaw[] = [
  {
    path: 'contracts',
    name: 'contracts',
    component: () => import('./pages/contracts-page.vue'),
    meta: { titleKey: 'nav.contracts', help: 'contracts', module: 'sales', permission: 'sales.contract.read', nav: { icon: markRaw(Tickets), order: 16 } },
  },
  {
    path: 'contracts/receivables',
    name: 'contracts-receivables',
    component: () => import('./pages/receivables-page.vue'),
    meta: { titleKey: 'contracts.nav.receivables', help: 'receivables', module: 'sales', permission: 'sales.contract.read' },
  },
  {
    path: 'contracts/targets',
    name: 'contracts-targets',
    component: () => import('./pages/targets-page.vue'),
    meta: { titleKey: 'contracts.nav.targets', help: 'targets', module: 'sales', permission: 'sales.target.read' },
  },
  {
    path: 'contracts/:id',
    name: 'contract',
    component: () => import('./pages/contract-detail-page.vue'),
    meta: { titleKey: 'help.contractDetail.title', help: 'contractDetail', module: 'sales', permission: 'sales.contract.read' },
  },
];
