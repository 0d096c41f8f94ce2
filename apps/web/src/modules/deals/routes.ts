import type { RouteRecordRaw } from 'vue-router';
import { leadsRoutes } from '../leads/routes';
import { registerDealsMessages } from './i18n/register';

registerDealsMessages();

/**
 * The pipeline side of sales: the deals board, opportunities and (from the leads module) leads.
 * Registered together so the app's module list needs one entry. Every page is its own chunk.
 */
export const dealsRoutes: RouteRecordRaw[] = [
  {
    path: 'sales/deals/board',
    name: 'sales-deals-board',
    component: () => import('./pages/board-page.vue'),
    meta: { titleKey: 'deals.nav.board', help: 'dealsBoard', module: 'sales', permission: 'sales.opportunity.read' },
  },
  {
    path: 'sales/opportunities',
    name: 'sales-opportunities',
    component: () => import('./pages/opportunities-page.vue'),
    meta: { titleKey: 'deals.nav.list', help: 'dealsList', module: 'sales', permission: 'sales.opportunity.read' },
  },
  {
    path: 'sales/opportunities/:id',
    name: 'sales-opportunity',
    component: () => import('./pages/opportunity-detail-page.vue'),
    meta: { titleKey: 'help.dealsDetail.title', help: 'dealsDetail', module: 'sales', permission: 'sales.opportunity.read' },
  },
  ...leadsRoutes,
];
