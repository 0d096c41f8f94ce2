import type { RouteRecordRaw } from 'vue-router';
import { registerLeadsMessages } from './i18n/register';

registerLeadsMessages();

// Leads (线索) in the sales area; each page is its own chunk.
export const leadsRoutes: RouteRecordRaw[] = [
  {
    path: 'sales/leads',
    name: 'sales-leads',
    component: () => import('./pages/leads-page.vue'),
    meta: { titleKey: 'deals.nav.leads', help: 'leads', module: 'sales', permission: 'sales.lead.read' },
  },
  {
    path: 'sales/leads/assignment-rules',
    name: 'sales-lead-rules',
    component: () => import('./pages/assignment-rules-page.vue'),
    meta: { titleKey: 'leads.rules.title', help: 'leadRules', module: 'sales', permission: 'sales.assignment-rule.manage' },
  },
  {
    path: 'sales/leads/web-forms',
    name: 'sales-web-forms',
    component: () => import('./pages/web-forms-page.vue'),
    meta: { titleKey: 'webForms.title', help: 'webForms', module: 'sales', permission: 'sales.webform.manage' },
  },
];
