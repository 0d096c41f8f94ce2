import { DataScope } from '../auth/access.enum';

/**
 * Every permission the API checks, as `module.resource.action`. Shared with the SPA's
 * role editor. Modules add theirs here when they land; the access test suite reads it.
 */
export const PERMISSIONS = [
  'admin.user.read',
  'admin.user.manage',
  'admin.role.manage',
  'admin.department.manage',
  'admin.api-key.manage',
  'admin.delegation.manage',
  'admin.audit.read',
  'admin.rollout.manage',
  'admin.custom-field.manage',
  'sales.customer.read',
  'sales.customer.create',
  'sales.customer.update',
  'sales.customer.delete',
  'sales.customer.assign',
  'sales.customer.export',
  'sales.customer.import',
  'sales.customer.merge',
  'sales.contact.read',
  'sales.contact.create',
  'sales.contact.update',
  'sales.contact.delete',
  'sales.activity.read',
  'sales.activity.create',
  'sales.activity.update',
  'sales.activity.delete',
  'sales.lead.read',
  'sales.lead.create',
  'sales.lead.update',
  'sales.lead.delete',
  'sales.lead.assign',
  'sales.lead.convert',
  'sales.lead.export',
  'sales.lead.import',
  'sales.opportunity.read',
  'sales.opportunity.create',
  'sales.opportunity.update',
  'sales.opportunity.delete',
  'sales.opportunity.export',
  'sales.pipeline.manage',
  'sales.assignment-rule.manage',
  'sales.webform.manage',
  // Public pool (公海) and ownership
  'sales.pool.read',
  'sales.pool.claim',
  'sales.pool.assign',
  'sales.pool.lock',
  'sales.pool.manage',
  // revenue: products, price lists, orders, grading, commissions
  'sales.product.read',
  'sales.product.manage',
  'sales.order.read',
  'sales.order.create',
  'sales.order.update',
  'sales.order.delete',
  'sales.grading.manage',
  'sales.grading.override',
  'sales.commission.read',
  'sales.commission.manage',
  'sales.commission-rule.manage',
  // Contracts, receivables and targets (合同 / 回款 / 目标)
  'sales.contract.read',
  'sales.contract.create',
  'sales.contract.update',
  'sales.contract.delete',
  'sales.contract.approve',
  'sales.receivable.manage',
  'sales.target.read',
  'sales.target.manage',
  'sales.revenue-job.run',
  // Marketing: segments (客户细分)
  'marketing.segment.read',
  'marketing.segment.manage',
  // the members as a CSV call list (in the scope of both read and export)
  'marketing.segment.export',
  // Analytics: revenue cube, customer value (RFM, lifetime and referral value)
  'analytics.revenue.read',
  'analytics.value.read',
  'analytics.value.manage',
  // Service: cases (工单) with SLA clocks, the SLA policy, service figures, knowledge base (知识库)
  'service.case.read',
  'service.case.create',
  'service.case.update',
  'service.case.assign',
  'service.case.delete',
  'service.sla.manage',
  'service.metrics.read',
  'service.knowledge.read',
  'service.knowledge.manage',
  // Service contracts (服务合同): what a customer is entitled to (SLA targets, visits)
  'service.contract.read',
  'service.contract.manage',
  // Work orders (派工单): dispatching technicians' visits, and the technicians' own check-in / completion
  'service.workorder.read',
  'service.workorder.manage',
  'service.workorder.execute',
  // Integrations: outgoing webhooks (company-wide; the admin role only)
  'integrations.webhook.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);

/** `{ "sales.customer.read": "team" }` — what a role grants. */
export type PermissionGrants = Partial<Record<Permission, DataScope>>;

/** The module (`sales`, `admin` …) a permission belongs to. */
export const moduleOfPermission = (p: string): string => p.split('.')[0];
