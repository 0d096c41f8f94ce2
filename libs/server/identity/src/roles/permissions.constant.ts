import { DataScope, PERMISSIONS, type Permission } from '@kehu/contracts';

export { PERMISSIONS, type Permission };

const grant = (scope: DataScope, ...perms: Permission[]) => Object.fromEntries(perms.map((p) => [p, scope])) as Record<string, DataScope>;

// Company-wide admin settings: pipelines, assignment rules, web forms, pool settings, the catalogue, grading and commission rules; running the revenue jobs by hand.
const companySettings: string[] = ['sales.pipeline.manage', 'sales.assignment-rule.manage', 'sales.webform.manage', 'sales.product.manage', 'sales.grading.manage', 'sales.commission-rule.manage', 'sales.pool.manage', 'sales.revenue-job.run', 'analytics.value.manage', 'service.sla.manage'];
const salesAll = PERMISSIONS.filter((p) => p.startsWith('sales.') && !companySettings.includes(p));
/**
 * What a rep does every day: their own customers, contacts and follow-ups. No CSV export
 * or import: a rep walking off with the customer list is the loss the product exists to
 * prevent (seed 004); managers export and import for their department.
 */
const repWork: Permission[] = [
  'sales.customer.read', 'sales.customer.create', 'sales.customer.update',
  'sales.contact.read', 'sales.contact.create', 'sales.contact.update',
  'sales.activity.read', 'sales.activity.create', 'sales.activity.update',
  'sales.lead.read', 'sales.lead.create', 'sales.lead.update', 'sales.lead.convert',
  'sales.opportunity.read', 'sales.opportunity.create', 'sales.opportunity.update',
  // Public pool (公海): see pools, claim and release their own customers
  'sales.pool.read', 'sales.pool.claim',
  // revenue: reps see the catalogue, place and follow their orders, read their own commission statements.
  'sales.product.read', 'sales.order.read', 'sales.order.create', 'sales.order.update', 'sales.commission.read',
  // Contracts, receivables and targets: own contracts (drafts deletable), their receivables and own targets
  'sales.contract.read', 'sales.contract.create', 'sales.contract.update', 'sales.contract.delete', 'sales.receivable.manage', 'sales.target.read',
];
const readCustomers: Permission[] = ['sales.customer.read', 'sales.contact.read', 'sales.activity.read'];
/** Marketing captures and qualifies leads before sales takes over (and brings lists in from fairs and campaigns). */
const marketingLeads: Permission[] = ['sales.lead.read', 'sales.lead.create', 'sales.lead.update', 'sales.lead.assign', 'sales.lead.import', 'sales.lead.export', 'sales.webform.manage'];
/** Marketing targets by segments built on customer value (seed 001's closed loop: value measurement → campaigns). */
const marketingSegments: Permission[] = ['marketing.segment.read', 'marketing.segment.manage', 'marketing.segment.export', 'analytics.value.read'];
/** Agents work their department's queue (工单池): take cases up, reply, resolve; the knowledge base to answer from. */
const serviceWork: Permission[] = ['service.case.read', 'service.case.create', 'service.case.update', 'service.knowledge.read', 'service.contract.read', 'service.workorder.read', 'service.workorder.manage'];
/** Revenue cube and customer value, read in the role's scope (a rep sees their own revenue and customers). */
const analyticsRead: Permission[] = ['analytics.revenue.read', 'analytics.value.read'];

/** Built-in roles: created by the first migration's seed and kept in sync on start. */
export const BUILT_IN_ROLES: { key: string; name: string; permissions: Record<string, DataScope> }[] = [
  { key: 'admin', name: 'Administrator', permissions: grant(DataScope.ALL, ...PERMISSIONS) },
  { key: 'sales_manager', name: 'Sales manager', permissions: grant(DataScope.DEPARTMENT, ...salesAll, ...analyticsRead, 'marketing.segment.read') },
  { key: 'sales_rep', name: 'Sales rep', permissions: grant(DataScope.OWN, ...repWork, ...analyticsRead) },
  { key: 'marketing', name: 'Marketing', permissions: grant(DataScope.ALL, ...readCustomers, ...marketingLeads, ...marketingSegments) },
  { key: 'service_manager', name: 'Service manager', permissions: { ...grant(DataScope.ALL, ...readCustomers), ...grant(DataScope.DEPARTMENT, ...serviceWork, 'service.case.assign', 'service.case.delete', 'service.metrics.read', 'service.knowledge.manage', 'service.contract.manage', 'service.workorder.execute') } },
  { key: 'service_agent', name: 'Service agent', permissions: { ...grant(DataScope.ALL, ...readCustomers, 'service.knowledge.read'), ...grant(DataScope.OWN, 'sales.activity.create', 'service.metrics.read'), ...grant(DataScope.DEPARTMENT, ...serviceWork) } },
  { key: 'technician', name: 'Technician', permissions: grant(DataScope.OWN, ...readCustomers, 'service.case.read', 'service.case.update', 'service.knowledge.read', 'service.workorder.read', 'service.workorder.execute') },
  { key: 'analyst', name: 'Analyst', permissions: grant(DataScope.ALL, ...readCustomers, 'sales.customer.export', 'sales.lead.read', 'sales.lead.export', 'sales.opportunity.read', 'sales.opportunity.export', ...analyticsRead, 'marketing.segment.read') },
  { key: 'clerk', name: 'Clerk (data entry)', permissions: grant(DataScope.OWN, ...repWork) },
];
