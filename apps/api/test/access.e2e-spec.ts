/**
 * The access suite: enumerates every operation of the live OpenAPI contract and proves,
 * table-driven, that no token → 401, a token without the operation's permission
 * (x-kehu-permission) → 403, and for record endpoints that a record outside the caller's
 * data scope → 404 while one inside → 2xx. A new route with path parameters must be
 * listed in `scoped` or `unscoped` below, or this suite fails.
 */
import { createTestApp, type TestApp } from '@kehu/server-testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { appSchema } from '../src/app.schema';
import { setupOpenApi } from '../src/openapi/openapi.setup';

interface Operation {
  method: string;
  path: string;
  permission?: string;
  isPublic: boolean;
}

interface ScopeFixture {
  /** Path params of a record inside / outside the scoped caller's data scope. */
  inside: Record<string, string>;
  outside: Record<string, string>;
  body?: object;
}

const PASSWORD = 'Access-pass-123';

/** Routes whose records carry a department/owner scope: how to get one record on each side. */
const scoped: Record<string, (ctx: Ctx) => ScopeFixture> = {
  '/api/v1/users/{id}': (c) => ({ inside: { id: c.insideUser }, outside: { id: c.outsideUser } }),
  '/api/v1/users/{id}/history': (c) => ({ inside: { id: c.insideUser }, outside: { id: c.outsideUser } }),
  '/api/v1/users/{id}/reset-password': (c) => ({ inside: { id: c.insideUser }, outside: { id: c.outsideUser }, body: { newPassword: 'Another-pass-42' } }),
  '/api/v1/customers/{id}': (c) => ({ inside: { id: c.insideCustomer }, outside: { id: c.outsideCustomer } }),
  '/api/v1/customers/{id}/history': (c) => ({ inside: { id: c.insideCustomer }, outside: { id: c.outsideCustomer } }),
  '/api/v1/customers/{id}/restore': (c) => ({ inside: { id: c.deletedInsideCustomer }, outside: { id: c.deletedOutsideCustomer } }),
  '/api/v1/activities/{id}': (c) => ({ inside: { id: c.insideActivity }, outside: { id: c.outsideActivity } }),
  '/api/v1/activities/{id}/complete': (c) => ({ inside: { id: c.insideTask }, outside: { id: c.outsideActivity } }),
  '/api/v1/customers/{id}/merge': (c) => ({ inside: { id: c.mergeWinnerInside }, outside: { id: c.outsideCustomer }, body: { loserIds: [c.mergeLoserInside] } }),
  '/api/v1/opportunities/{id}': (c) => ({ inside: { id: c.insideOpportunity }, outside: { id: c.outsideOpportunity } }),
  '/api/v1/opportunities/{id}/stage': (c) => ({ inside: { id: c.stageInsideOpportunity }, outside: { id: c.outsideOpportunity }, body: { stageId: c.proposalStage } }),
  '/api/v1/opportunities/{id}/restore': (c) => ({ inside: { id: c.deletedInsideOpportunity }, outside: { id: c.deletedOutsideOpportunity } }),
  '/api/v1/opportunities/{id}/history': (c) => ({ inside: { id: c.insideOpportunity }, outside: { id: c.outsideOpportunity } }),
  '/api/v1/contacts/{id}': (c) => ({ inside: { id: c.insideContact }, outside: { id: c.outsideContact } }),
  '/api/v1/contacts/{id}/history': (c) => ({ inside: { id: c.insideContact }, outside: { id: c.outsideContact } }),
  '/api/v1/contacts/{id}/restore': (c) => ({ inside: { id: c.deletedInsideContact }, outside: { id: c.deletedOutsideContact } }),
  '/api/v1/contacts/{id}/consents': (c) => ({ inside: { id: c.consentsInsideContact }, outside: { id: c.outsideContact }, body: { consents: [{ channel: 'email', status: 'opted_in', source: 'access test' }] } }),
  '/api/v1/leads/{id}': (c) => ({ inside: { id: c.insideLead }, outside: { id: c.outsideLead } }),
  '/api/v1/leads/{id}/history': (c) => ({ inside: { id: c.insideLead }, outside: { id: c.outsideLead } }),
  '/api/v1/leads/{id}/restore': (c) => ({ inside: { id: c.deletedInsideLead }, outside: { id: c.deletedOutsideLead } }),
  '/api/v1/leads/{id}/assign': (c) => ({ inside: { id: c.assignInsideLead }, outside: { id: c.outsideLead }, body: { ownerId: c.secondInsideUser } }),
  '/api/v1/leads/{id}/convert': (c) => ({ inside: { id: c.convertInsideLead }, outside: { id: c.outsideLead } }),
  // A note leaves the lead's status and version alone (a call would make it contacted, version 2).
  '/api/v1/leads/{id}/activities': (c) => ({ inside: { id: c.insideLead }, outside: { id: c.outsideLead }, body: { type: 'note', subject: 'access' } }),
  // Public pool (公海) and ownership
  '/api/v1/customers/{id}/ownership-history': (c) => ({ inside: { id: c.insideCustomer }, outside: { id: c.outsideCustomer } }),
  // revenue: orders, grade override, commission statements
  '/api/v1/orders/{id}': (c) => ({ inside: { id: c.insideOrder }, outside: { id: c.outsideOrder }, body: { note: 'access' } }),
  '/api/v1/orders/{id}/status': (c) => ({ inside: { id: c.statusInsideOrder }, outside: { id: c.outsideOrder }, body: { status: 'confirmed' } }),
  '/api/v1/orders/by-external/{source}/{externalId}': (c) => ({
    inside: { source: 'erp', externalId: 'access-inside' },
    outside: { source: 'erp', externalId: 'access-outside' },
    body: { customerId: c.insideCustomer, lines: [{ description: 'access', quantity: 1, unitPrice: 1 }] },
  }),
  '/api/v1/opportunities/{id}/order': (c) => ({ inside: { id: c.wonInsideOpportunity }, outside: { id: c.outsideOpportunity } }),
  '/api/v1/customers/{id}/overview': (c) => ({ inside: { id: c.insideCustomer }, outside: { id: c.outsideCustomer } }),
  '/api/v1/customers/{id}/value': (c) => ({ inside: { id: c.insideCustomer }, outside: { id: c.outsideCustomer } }),
  '/api/v1/customers/{id}/grade': (c) => ({ inside: { id: c.insideCustomer }, outside: { id: c.outsideCustomer }, body: { grade: 'B', reason: 'access' } }),
  '/api/v1/commission-statements/{id}': (c) => ({ inside: { id: c.insideStatement }, outside: { id: c.outsideStatement } }),
  '/api/v1/commission-statements/{id}/confirm': (c) => ({ inside: { id: c.confirmInsideStatement }, outside: { id: c.outsideStatement } }),
  // Contracts, receivables and targets
  '/api/v1/sales-contracts/{id}': (c) => ({ inside: { id: c.insideContract }, outside: { id: c.outsideContract } }),
  '/api/v1/sales-contracts/{id}/submit': (c) => ({ inside: { id: c.submitInsideContract }, outside: { id: c.outsideContract } }),
  '/api/v1/sales-contracts/{id}/approve': (c) => ({ inside: { id: c.approveInsideContract }, outside: { id: c.outsidePendingContract } }),
  '/api/v1/sales-contracts/{id}/reject': (c) => ({ inside: { id: c.rejectInsideContract }, outside: { id: c.outsidePendingContract }, body: { reason: 'access test' } }),
  '/api/v1/sales-contracts/{id}/terminate': (c) => ({ inside: { id: c.terminateInsideContract }, outside: { id: c.outsideApprovedContract }, body: { reason: 'access test' } }),
  '/api/v1/sales-contracts/{id}/approvals': (c) => ({ inside: { id: c.insideContract }, outside: { id: c.outsideContract } }),
  '/api/v1/sales-contracts/{id}/receivables': (c) => ({ inside: { id: c.receivablesInsideContract }, outside: { id: c.outsideContract }, body: { dueDate: '2026-06-30', amount: 1 } }),
  '/api/v1/receivables/{id}': (c) => ({ inside: { id: c.insideInstalment }, outside: { id: c.outsideInstalment } }),
  '/api/v1/receivables/{id}/payments': (c) => ({ inside: { id: c.payInsideInstalment }, outside: { id: c.outsideInstalment }, body: { amount: 1, receivedOn: '2025-01-01', method: 'cash' } }),
  '/api/v1/targets/{id}': (c) => ({ inside: { id: c.insideTarget }, outside: { id: c.outsideTarget }, body: { value: 5 } }),
  // Service: cases (own record per status-changing route), service contracts, knowledge drafts
  '/api/v1/cases/{id}': (c) => ({ inside: { id: c.cases.inside }, outside: { id: c.cases.outside }, body: { subject: 'access' } }),
  '/api/v1/cases/{id}/events': (c) => ({ inside: { id: c.cases.inside }, outside: { id: c.cases.outside } }),
  '/api/v1/cases/{id}/assign': (c) => ({ inside: { id: c.cases.assign }, outside: { id: c.cases.outside }, body: { ownerId: c.secondInsideUser } }),
  '/api/v1/cases/{id}/replies': (c) => ({ inside: { id: c.cases.reply }, outside: { id: c.cases.outside }, body: { body: 'access' } }),
  '/api/v1/cases/{id}/status': (c) => ({ inside: { id: c.cases.status }, outside: { id: c.cases.outside }, body: { status: 'pending' } }),
  '/api/v1/cases/{id}/resolve': (c) => ({ inside: { id: c.cases.resolve }, outside: { id: c.cases.outside }, body: { resolution: 'access' } }),
  '/api/v1/cases/{id}/reopen': (c) => ({ inside: { id: c.cases.reopen }, outside: { id: c.cases.outsideResolved }, body: { reason: 'access' } }),
  '/api/v1/cases/{id}/close': (c) => ({ inside: { id: c.cases.close }, outside: { id: c.cases.outsideResolved } }),
  '/api/v1/cases/{id}/satisfaction': (c) => ({ inside: { id: c.cases.rate }, outside: { id: c.cases.outsideResolved }, body: { score: 4 } }),
  '/api/v1/cases/{id}/restore': (c) => ({ inside: { id: c.cases.deletedInside }, outside: { id: c.cases.deletedOutside } }),
  '/api/v1/work-orders/{id}': (c) => ({ inside: { id: c.workOrders.inside }, outside: { id: c.workOrders.outside }, body: { instructions: 'access' } }),
  '/api/v1/work-orders/{id}/start': (c) => ({ inside: { id: c.workOrders.start }, outside: { id: c.workOrders.outside } }),
  '/api/v1/work-orders/{id}/complete': (c) => ({ inside: { id: c.workOrders.complete }, outside: { id: c.workOrders.outside }, body: { result: 'access' } }),
  '/api/v1/work-orders/{id}/cancel': (c) => ({ inside: { id: c.workOrders.cancel }, outside: { id: c.workOrders.outside }, body: { reason: 'access' } }),
  '/api/v1/service-contracts/{id}': (c) => ({ inside: { id: c.serviceContracts.inside }, outside: { id: c.serviceContracts.outside }, body: { notes: 'access' } }),
  '/api/v1/service-contracts/{id}/terminate': (c) => ({ inside: { id: c.serviceContracts.terminate }, outside: { id: c.serviceContracts.outside }, body: { reason: 'access' } }),
  '/api/v1/service-contracts/{id}/restore': (c) => ({ inside: { id: c.serviceContracts.deletedInside }, outside: { id: c.serviceContracts.deletedOutside } }),
  // Published articles are company knowledge; drafts are scoped by their author (service.knowledge.manage).
  '/api/v1/knowledge-articles/{id}': (c) => ({ inside: { id: c.articles.inside }, outside: { id: c.articles.outside }, body: { title: 'access' } }),
  '/api/v1/knowledge-articles/{id}/publish': (c) => ({ inside: { id: c.articles.publish }, outside: { id: c.articles.outside } }),
  '/api/v1/knowledge-articles/{id}/archive': (c) => ({ inside: { id: c.articles.archive }, outside: { id: c.articles.outside } }),
  '/api/v1/knowledge-articles/{id}/feedback': (c) => ({ inside: { id: c.articles.published }, outside: { id: c.articles.outside }, body: { helpful: true } }),
  '/api/v1/knowledge-articles/{id}/view': (c) => ({ inside: { id: c.articles.published }, outside: { id: c.articles.outside } }),
  '/api/v1/knowledge-articles/{id}/restore': (c) => ({ inside: { id: c.articles.deletedInside }, outside: { id: c.articles.deletedOutside } }),
};

/** Scoped writes that are counters, not changes of a record: no audit row by design, and why. */
const unaudited: Record<string, string> = {
  'post /api/v1/knowledge-articles/{id}/view': 'a read counter; auditing every reading of an article would bury the audit log',
};

/** Routes with path parameters whose records are organisation-wide (no data scope), and why. */
const unscoped: Record<string, string> = {
  '/api/v1/departments/{id}': 'the org tree is visible to every user; changes need admin.department.manage',
  '/api/v1/teams/{id}': 'teams are part of the org chart',
  '/api/v1/roles/{id}': 'roles are global configuration',
  '/api/v1/module-rollout/{departmentId}': 'rollout is global configuration',
  '/api/v1/api-keys/{id}': 'API keys are managed by admins for the whole company',
  '/api/v1/delegations/{id}': 'delegations are managed by admins for the whole company',
  '/api/v1/pipelines/{id}': 'pipelines are company-wide configuration (sales.pipeline.manage)',
  '/api/v1/pipelines/{id}/board': "the pipeline is company-wide; the board's counts and cards are scope-filtered (covered by the sales suite)",
  '/api/v1/custom-fields/{id}': 'field definitions are global configuration',
  '/api/v1/saved-views/{id}': 'personal: only the owner may change a view, anyone else gets 404 (saved-views spec)',
  '/api/v1/assignment-rules/{id}': 'lead assignment rules are one company-wide list (sales.assignment-rule.manage)',
  // Public pool (公海) and ownership
  '/api/v1/pools/{id}': 'pools are company-wide configuration (sales.pool.manage); reading one needs membership, others get 404 (pools e2e spec)',
  '/api/v1/pools/{id}/customers': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/{id}/quota': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/{id}/import': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/customers/{customerId}': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/customers/{customerId}/claim': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/customers/{customerId}/release': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/customers/{customerId}/assign': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/customers/{customerId}/lock': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/customers/{customerId}/unlock': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/pools/customers/{customerId}/move': 'pool membership (admins, member users and departments) decides, on top of the sales.pool.* scope; non-members get 404 (pools e2e spec)',
  '/api/v1/ownership-limits/{id}': 'owner capacity is company-wide configuration (sales.pool.manage)',
  '/api/v1/notifications/{id}/read': "the caller's own inbox: another user's notification answers 404 (core notifications spec)",
  // revenue: company-wide catalogue and settings
  '/api/v1/products/{id}': 'the product catalogue is company-wide (changes need sales.product.manage)',
  '/api/v1/products/{id}/restore': 'the product catalogue is company-wide (sales.product.manage)',
  '/api/v1/product-categories/{id}': 'the category tree is company-wide (sales.product.manage)',
  '/api/v1/price-lists/{id}': 'price lists are company-wide configuration (sales.product.manage)',
  '/api/v1/commission-rules/{id}': 'commission rules are company-wide configuration (sales.commission-rule.manage)',
  // Web forms: company-wide configuration
  '/api/v1/web-forms/{id}': 'web forms are company-wide configuration (sales.webform.manage)',
  '/api/v1/web-forms/{id}/regenerate-key': 'web forms are company-wide configuration (sales.webform.manage)',
  '/api/v1/web-forms/{id}/restore': 'web forms are company-wide configuration (sales.webform.manage)',
  // CSV import jobs
  '/api/v1/imports/{id}': 'an import job is seen by whoever started it (and by company-wide importers); anyone else gets 404 (integrations e2e spec)',
  '/api/v1/imports/{id}/errors.csv': 'an import job is seen by whoever started it (and by company-wide importers); anyone else gets 404 (integrations e2e spec)',
  // Outgoing webhooks: company-wide integration configuration (integrations.webhook.manage, the admin role only)
  '/api/v1/webhooks/{id}': 'webhooks are company-wide integration configuration (integrations.webhook.manage)',
  '/api/v1/webhooks/{id}/rotate-secret': 'webhooks are company-wide integration configuration (integrations.webhook.manage)',
  '/api/v1/webhooks/{id}/ping': 'webhooks are company-wide integration configuration (integrations.webhook.manage)',
  '/api/v1/webhooks/{id}/deliveries': "a webhook's delivery log belongs to the company-wide webhook (integrations.webhook.manage)",
  '/api/v1/webhook-deliveries/{id}': "a webhook's delivery log belongs to the company-wide webhook (integrations.webhook.manage)",
  '/api/v1/webhook-deliveries/{id}/redeliver': "a webhook's delivery log belongs to the company-wide webhook (integrations.webhook.manage)",
  // Marketing segments: definitions are shared; counts and members are scope-filtered per caller
  '/api/v1/segments/{id}': 'segment definitions are company-wide (changes need marketing.segment.manage)',
  '/api/v1/segments/{id}/count': "the segment is company-wide; the count holds only the caller's scope (marketing segments e2e spec)",
  '/api/v1/segments/{id}/members': "the segment is company-wide; members are only the caller's scope (marketing segments e2e spec)",
  '/api/v1/segments/{id}/members.csv': "the segment is company-wide; the CSV holds only members in the caller's read and export scope (marketing segment-export e2e spec)",
};

interface Ctx {
  admin: string;
  noRoles: string;
  scopedUserAdmin: string;
  insideUser: string;
  secondInsideUser: string;
  outsideUser: string;
  insideCustomer: string;
  outsideCustomer: string;
  deletedInsideCustomer: string;
  deletedOutsideCustomer: string;
  insideActivity: string;
  insideTask: string;
  outsideActivity: string;
  mergeWinnerInside: string;
  mergeLoserInside: string;
  insideOpportunity: string;
  outsideOpportunity: string;
  deletedInsideOpportunity: string;
  deletedOutsideOpportunity: string;
  /** Its own record: the PATCH on insideOpportunity moves that one's version past If-Match "1". */
  stageInsideOpportunity: string;
  proposalStage: string;
  insideContact: string;
  outsideContact: string;
  deletedInsideContact: string;
  deletedOutsideContact: string;
  /** Its own record: the PATCH on insideContact moves that one's version past If-Match "1". */
  consentsInsideContact: string;
  insideLead: string;
  outsideLead: string;
  deletedInsideLead: string;
  deletedOutsideLead: string;
  /** Own records: assign and convert change the lead (convert needs If-Match "1"). */
  assignInsideLead: string;
  convertInsideLead: string;
  // revenue
  insideOrder: string;
  statusInsideOrder: string;
  outsideOrder: string;
  wonInsideOpportunity: string;
  insideStatement: string;
  confirmInsideStatement: string;
  outsideStatement: string;
  // Contracts, receivables and targets: own records per status-changing route
  insideContract: string;
  outsideContract: string;
  submitInsideContract: string;
  approveInsideContract: string;
  rejectInsideContract: string;
  terminateInsideContract: string;
  receivablesInsideContract: string;
  outsidePendingContract: string;
  outsideApprovedContract: string;
  insideInstalment: string;
  payInsideInstalment: string;
  outsideInstalment: string;
  insideTarget: string;
  outsideTarget: string;
  cases: Record<'inside' | 'outside' | 'assign' | 'reply' | 'status' | 'resolve' | 'reopen' | 'close' | 'rate' | 'outsideResolved' | 'deletedInside' | 'deletedOutside', string>;
  serviceContracts: Record<'inside' | 'outside' | 'terminate' | 'deletedInside' | 'deletedOutside', string>;
  workOrders: Record<'inside' | 'outside' | 'start' | 'complete' | 'cancel', string>;
  articles: Record<'inside' | 'outside' | 'publish' | 'archive' | 'published' | 'deletedInside' | 'deletedOutside', string>;
}

describe('access control over every route', () => {
  let t: TestApp;
  let ops: Operation[];
  const ctx = {} as Ctx;

  beforeAll(async () => {
    t = await createTestApp({ root: AppModule.forRoot, schema: appSchema, beforeInit: (app, config) => setupOpenApi(app, config) });
    const spec = (await t.http().get('/api/openapi.json')).body;
    ops = Object.entries(spec.paths as Record<string, Record<string, { security?: unknown[]; 'x-kehu-permission'?: string }>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ method, path, permission: op['x-kehu-permission'], isPublic: !op.security })),
    );
    ctx.admin = await t.login();
    const admin = { Authorization: `Bearer ${ctx.admin}` };
    const post = async (url: string, body: object) => {
      const res = await t.http().post(url).set(admin).send(body);
      if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const east = await post('/api/v1/departments', { name: 'East' });
    const west = await post('/api/v1/departments', { name: 'West' });
    await post('/api/v1/roles', { key: 'nothing', name: 'No permissions', permissions: {} });
    await post('/api/v1/roles', { key: 'east_hr', name: 'Department user admin', permissions: {
      'admin.user.read': 'department', 'admin.user.manage': 'department',
      'sales.customer.read': 'department', 'sales.customer.update': 'department', 'sales.customer.delete': 'department', 'sales.customer.merge': 'department',
      'sales.activity.read': 'department', 'sales.activity.create': 'department', 'sales.activity.update': 'department', 'sales.activity.delete': 'department',
      'sales.contact.read': 'department', 'sales.contact.create': 'department', 'sales.contact.update': 'department', 'sales.contact.delete': 'department',
      'sales.opportunity.read': 'department', 'sales.opportunity.create': 'department', 'sales.opportunity.update': 'department', 'sales.opportunity.delete': 'department',
      'sales.lead.read': 'department', 'sales.lead.create': 'department', 'sales.lead.update': 'department', 'sales.lead.delete': 'department', 'sales.lead.assign': 'department', 'sales.lead.convert': 'department',
      'sales.order.read': 'department', 'sales.order.create': 'department', 'sales.order.update': 'department', 'sales.order.delete': 'department',
      'sales.grading.override': 'department', 'sales.commission.read': 'department', 'sales.commission.manage': 'department',
      'sales.contract.read': 'department', 'sales.contract.update': 'department', 'sales.contract.delete': 'department', 'sales.contract.approve': 'department', 'sales.receivable.manage': 'department',
      'sales.target.read': 'department', 'sales.target.manage': 'department',
      'analytics.value.read': 'department',
      'service.case.read': 'department', 'service.case.update': 'department', 'service.case.assign': 'department', 'service.case.delete': 'department',
      'service.contract.read': 'department', 'service.contract.manage': 'department', 'service.knowledge.read': 'department', 'service.knowledge.manage': 'department',
      'service.workorder.read': 'department', 'service.workorder.manage': 'department', 'service.workorder.execute': 'department',
    } });
    await post('/api/v1/users', { email: 'none@kehu.test', name: 'None', roles: ['nothing'], password: PASSWORD, departmentId: east.id });
    await post('/api/v1/users', { email: 'hr@kehu.test', name: 'HR', roles: ['east_hr'], password: PASSWORD, departmentId: east.id });
    ctx.insideUser = (await post('/api/v1/users', { email: 'inside@kehu.test', name: 'Inside', roles: ['sales_rep'], password: PASSWORD, departmentId: east.id })).id;
    ctx.secondInsideUser = (await post('/api/v1/users', { email: 'inside2@kehu.test', name: 'Inside Two', roles: ['sales_rep'], password: PASSWORD, departmentId: east.id })).id;
    ctx.outsideUser = (await post('/api/v1/users', { email: 'outside@kehu.test', name: 'Outside', roles: ['sales_rep'], password: PASSWORD, departmentId: west.id })).id;
    const customer = async (name: string, ownerId: string, deleted = false) => {
      const id = (await post('/api/v1/customers?allowDuplicate=true', { name, ownerId })).id;
      if (deleted) await t.http().delete(`/api/v1/customers/${id}`).set(admin);
      return id;
    };
    ctx.insideCustomer = await customer('Inside Co', ctx.insideUser);
    ctx.outsideCustomer = await customer('Outside Co', ctx.outsideUser);
    ctx.deletedInsideCustomer = await customer('Deleted Inside Co', ctx.insideUser, true);
    ctx.deletedOutsideCustomer = await customer('Deleted Outside Co', ctx.outsideUser, true);
    ctx.mergeWinnerInside = await customer('Merge Winner Co', ctx.insideUser);
    ctx.mergeLoserInside = await customer('Merge Loser Co', ctx.insideUser);
    const activity = async (email: string, customerId: string, type: string) => {
      const res = await t.http().post('/api/v1/activities/quick').set('Authorization', `Bearer ${await t.login(email, PASSWORD)}`).send({ customerId, type, text: `${type} for access` });
      if (res.status !== 201) throw new Error(`activity: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    ctx.insideActivity = await activity('inside@kehu.test', ctx.insideCustomer, 'note');
    ctx.insideTask = await activity('inside@kehu.test', ctx.insideCustomer, 'task');
    ctx.outsideActivity = await activity('outside@kehu.test', ctx.outsideCustomer, 'task');
    const contact = async (name: string, customerId: string, deleted = false) => {
      const id = (await post('/api/v1/contacts?allowDuplicate=true', { customerId, name })).id;
      if (deleted) await t.http().delete(`/api/v1/contacts/${id}`).set(admin);
      return id as string;
    };
    ctx.insideContact = await contact('Inside Contact', ctx.insideCustomer);
    ctx.outsideContact = await contact('Outside Contact', ctx.outsideCustomer);
    ctx.deletedInsideContact = await contact('Deleted Inside Contact', ctx.insideCustomer, true);
    ctx.deletedOutsideContact = await contact('Deleted Outside Contact', ctx.outsideCustomer, true);
    ctx.consentsInsideContact = await contact('Consents Inside Contact', ctx.insideCustomer);
    const lead = async (personName: string, ownerId: string, deleted = false) => {
      const id = (await post('/api/v1/leads?allowDuplicate=true', { personName, companyName: `${personName} Co`, ownerId })).id;
      if (deleted) await t.http().delete(`/api/v1/leads/${id}`).set(admin);
      return id as string;
    };
    ctx.insideLead = await lead('Inside Lead', ctx.insideUser);
    ctx.outsideLead = await lead('Outside Lead', ctx.outsideUser);
    ctx.deletedInsideLead = await lead('Deleted Inside Lead', ctx.insideUser, true);
    ctx.deletedOutsideLead = await lead('Deleted Outside Lead', ctx.outsideUser, true);
    ctx.assignInsideLead = await lead('Assign Inside Lead', ctx.insideUser);
    ctx.convertInsideLead = await lead('Convert Inside Lead', ctx.insideUser);
    ctx.proposalStage = (await t.http().get('/api/v1/pipelines').set(admin)).body.data.find((p: { isDefault: boolean }) => p.isDefault).stages[2].id;
    const opportunity = async (email: string, customerId: string, deleted = false) => {
      const res = await t.http().post('/api/v1/opportunities').set('Authorization', `Bearer ${await t.login(email, PASSWORD)}`).send({ customerId, name: 'Access deal', amount: 1 });
      if (res.status !== 201) throw new Error(`opportunity: ${res.status} ${JSON.stringify(res.body)}`);
      if (deleted) await t.http().delete(`/api/v1/opportunities/${res.body.id}`).set(admin);
      return res.body.id as string;
    };
    ctx.insideOpportunity = await opportunity('inside@kehu.test', ctx.insideCustomer);
    ctx.outsideOpportunity = await opportunity('outside@kehu.test', ctx.outsideCustomer);
    ctx.deletedInsideOpportunity = await opportunity('inside@kehu.test', ctx.insideCustomer, true);
    ctx.deletedOutsideOpportunity = await opportunity('outside@kehu.test', ctx.outsideCustomer, true);
    ctx.stageInsideOpportunity = await opportunity('inside@kehu.test', ctx.insideCustomer);
    // revenue fixtures
    const order = async (email: string, customerId: string) => {
      const res = await t.http().post('/api/v1/orders').set('Authorization', `Bearer ${await t.login(email, PASSWORD)}`).send({ customerId, lines: [{ description: 'access', quantity: 1, unitPrice: 1 }] });
      if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    ctx.insideOrder = await order('inside@kehu.test', ctx.insideCustomer);
    ctx.statusInsideOrder = await order('inside@kehu.test', ctx.insideCustomer);
    ctx.outsideOrder = await order('outside@kehu.test', ctx.outsideCustomer);
    await t.http().put('/api/v1/orders/by-external/erp/access-outside').set(admin).send({ customerId: ctx.outsideCustomer, ownerId: ctx.outsideUser, lines: [{ description: 'access', quantity: 1, unitPrice: 1 }] }).expect(201);
    const wonStage = (await t.http().get('/api/v1/pipelines').set(admin)).body.data.find((p: { isDefault: boolean }) => p.isDefault).stages.find((s: { kind: string }) => s.kind === 'won').id;
    ctx.wonInsideOpportunity = (await post('/api/v1/opportunities', { customerId: ctx.insideCustomer, name: 'Won access deal', amount: 10, stageId: wonStage, ownerId: ctx.insideUser })).id;
    const statement = async (userId: string) => (await t.http().post('/api/v1/commission-statements').set(admin).send({ userId, period: '2026-01' }).expect(200)).body.statements[0].id as string;
    ctx.insideStatement = await statement(ctx.insideUser);
    ctx.confirmInsideStatement = await statement(ctx.secondInsideUser);
    ctx.outsideStatement = await statement(ctx.outsideUser);
    // Contracts: drafted by the reps; submitted / approved as each route needs (approved by the admin, not the scoped caller).
    const contract = async (email: string, customerId: string, steps: ('submit' | 'approve')[] = []) => {
      const auth = `Bearer ${await t.login(email, PASSWORD)}`;
      const res = await t.http().post('/api/v1/sales-contracts').set('Authorization', auth).send({ title: 'Access contract', customerId, amount: 100, startDate: '2025-01-01', endDate: '2030-12-31' });
      if (res.status !== 201) throw new Error(`contract: ${res.status} ${JSON.stringify(res.body)}`);
      for (const step of steps) {
        const r = await t.http().post(`/api/v1/sales-contracts/${res.body.id}/${step}`).set('Authorization', step === 'submit' ? auth : `Bearer ${ctx.admin}`).send({});
        if (r.status !== 200) throw new Error(`contract ${step}: ${r.status} ${JSON.stringify(r.body)}`);
      }
      return res.body.id as string;
    };
    const instalment = async (contractId: string) => (await post(`/api/v1/sales-contracts/${contractId}/receivables`, { dueDate: '2026-03-31', amount: 10 })).id as string;
    ctx.insideContract = await contract('inside@kehu.test', ctx.insideCustomer);
    ctx.outsideContract = await contract('outside@kehu.test', ctx.outsideCustomer);
    ctx.submitInsideContract = await contract('inside@kehu.test', ctx.insideCustomer);
    ctx.approveInsideContract = await contract('inside@kehu.test', ctx.insideCustomer, ['submit']);
    ctx.rejectInsideContract = await contract('inside@kehu.test', ctx.insideCustomer, ['submit']);
    ctx.terminateInsideContract = await contract('inside@kehu.test', ctx.insideCustomer, ['submit', 'approve']);
    ctx.receivablesInsideContract = await contract('inside@kehu.test', ctx.insideCustomer);
    ctx.outsidePendingContract = await contract('outside@kehu.test', ctx.outsideCustomer, ['submit']);
    ctx.outsideApprovedContract = await contract('outside@kehu.test', ctx.outsideCustomer, ['submit', 'approve']);
    ctx.insideInstalment = await instalment(ctx.insideContract);
    ctx.payInsideInstalment = await instalment(await contract('inside@kehu.test', ctx.insideCustomer, ['submit', 'approve']));
    ctx.outsideInstalment = await instalment(ctx.outsideApprovedContract);
    ctx.insideTarget = (await post('/api/v1/targets', { period: '2026-11', level: 'user', subjectId: ctx.insideUser, metric: 'won_amount', value: 1 })).id;
    ctx.outsideTarget = (await post('/api/v1/targets', { period: '2026-11', level: 'user', subjectId: ctx.outsideUser, metric: 'won_amount', value: 1 })).id;
    // Service: cases raised by the admin for an east (inside) or west (outside) agent, worked to the status each route needs.
    const serviceCase = async (ownerId: string, customerId: string, then: 'resolve' | 'delete' | null = null) => {
      const { id } = await post('/api/v1/cases', { subject: 'Access case', customerId, ownerId });
      if (then === 'resolve') await t.http().post(`/api/v1/cases/${id}/resolve`).set(admin).send({ resolution: 'access' }).expect(200);
      if (then === 'delete') await t.http().delete(`/api/v1/cases/${id}`).set(admin).expect(204);
      return id as string;
    };
    const [insideCase, outsideCase] = [() => serviceCase(ctx.insideUser, ctx.insideCustomer), () => serviceCase(ctx.outsideUser, ctx.outsideCustomer)];
    ctx.cases = {
      inside: await insideCase(),
      outside: await outsideCase(),
      assign: await insideCase(),
      reply: await insideCase(),
      status: await insideCase(),
      resolve: await insideCase(),
      reopen: await serviceCase(ctx.insideUser, ctx.insideCustomer, 'resolve'),
      close: await serviceCase(ctx.insideUser, ctx.insideCustomer, 'resolve'),
      rate: await serviceCase(ctx.insideUser, ctx.insideCustomer, 'resolve'),
      outsideResolved: await serviceCase(ctx.outsideUser, ctx.outsideCustomer, 'resolve'),
      deletedInside: await serviceCase(ctx.insideUser, ctx.insideCustomer, 'delete'),
      deletedOutside: await serviceCase(ctx.outsideUser, ctx.outsideCustomer, 'delete'),
    };
    const serviceContract = async (ownerId: string, customerId: string, deleted = false) => {
      const { id } = await post('/api/v1/service-contracts', { name: 'Access service contract', customerId, ownerId, startDate: '2026-01-01', endDate: '2026-12-31' });
      if (deleted) await t.http().delete(`/api/v1/service-contracts/${id}`).set(admin).expect(204);
      return id as string;
    };
    ctx.serviceContracts = {
      inside: await serviceContract(ctx.insideUser, ctx.insideCustomer),
      outside: await serviceContract(ctx.outsideUser, ctx.outsideCustomer),
      terminate: await serviceContract(ctx.insideUser, ctx.insideCustomer),
      deletedInside: await serviceContract(ctx.insideUser, ctx.insideCustomer, true),
      deletedOutside: await serviceContract(ctx.outsideUser, ctx.outsideCustomer, true),
    };
    // Work orders: an east (inside) or west (outside) technician booked by the admin, an hour apart.
    const technicianOf = async (name: string, departmentId: string) => (await post('/api/v1/users', { email: `${name}@kehu.test`, name, roles: ['technician'], password: PASSWORD, departmentId })).id as string;
    const [eastTechnician, westTechnician] = [await technicianOf('tech-east', east.id), await technicianOf('tech-west', west.id)];
    let hour = 0;
    const workOrder = async (technicianId: string, customerId: string) => {
      const start = new Date(Date.UTC(2026, 11, 1, hour++));
      return (await post('/api/v1/work-orders', { technicianId, customerId, scheduledStart: start.toISOString(), scheduledEnd: new Date(start.getTime() + 3_000_000).toISOString() })).id as string;
    };
    ctx.workOrders = {
      inside: await workOrder(eastTechnician, ctx.insideCustomer),
      outside: await workOrder(westTechnician, ctx.outsideCustomer),
      start: await workOrder(eastTechnician, ctx.insideCustomer),
      complete: await workOrder(eastTechnician, ctx.insideCustomer),
      cancel: await workOrder(eastTechnician, ctx.insideCustomer),
    };
    // Articles are written by the admin and handed to an east or west author (the API has no author field).
    const article = async (author: string, then: 'publish' | 'delete' | null = null) => {
      const { id } = await post('/api/v1/knowledge-articles', { title: 'Access article', problem: 'access', solution: 'access' });
      await t.app.get(DataSource).query(`UPDATE knowledge_articles SET owner_id = u.id, department_id = u.department_id FROM users u WHERE u.id = $2 AND knowledge_articles.id = $1`, [id, author]);
      if (then === 'publish') await t.http().post(`/api/v1/knowledge-articles/${id}/publish`).set(admin).expect(200);
      if (then === 'delete') await t.http().delete(`/api/v1/knowledge-articles/${id}`).set(admin).expect(204);
      return id as string;
    };
    ctx.articles = {
      inside: await article(ctx.insideUser),
      outside: await article(ctx.outsideUser),
      publish: await article(ctx.insideUser),
      archive: await article(ctx.insideUser),
      published: await article(ctx.insideUser, 'publish'),
      deletedInside: await article(ctx.insideUser, 'delete'),
      deletedOutside: await article(ctx.outsideUser, 'delete'),
    };
    ctx.noRoles = await t.login('none@kehu.test', PASSWORD);
    ctx.scopedUserAdmin = await t.login('hr@kehu.test', PASSWORD);
  });
  afterAll(() => t?.close());

  const fill = (path: string, params: Record<string, string> = {}) => path.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '00000000-0000-4000-8000-000000000000');
  const call = (op: Operation, url: string, token?: string, body: object = {}) => {
    const req = (t.http() as unknown as Record<string, (u: string) => import('supertest').Test>)[op.method](url).set('If-Match', '"1"');
    if (token) req.set('Authorization', `Bearer ${token}`);
    return ['post', 'put', 'patch'].includes(op.method) ? req.send(body) : req;
  };

  it('knows the routes (the contract lists the identity API)', () => {
    expect(ops.length).toBeGreaterThan(25);
    expect(ops.filter((o) => o.isPublic).map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'get /api/health',
      'get /api/health/ready',
      'get /api/v1/public/web-forms/{key}',
      'post /api/v1/auth/login',
      'post /api/v1/auth/refresh',
      'post /api/v1/public/web-forms/{key}/submissions',
    ]);
  });

  it('answers 401 without a token on every protected route', async () => {
    const wrong: string[] = [];
    for (const op of ops.filter((o) => !o.isPublic)) {
      const res = await call(op, fill(op.path));
      if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED') wrong.push(`${op.method} ${op.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a caller without the permission, on every route that names one', async () => {
    const wrong: string[] = [];
    const guarded = ops.filter((o) => o.permission);
    expect(guarded.length).toBeGreaterThan(15);
    for (const op of guarded) {
      const res = await call(op, fill(op.path), ctx.noRoles);
      if (res.status !== 403 || res.body.code !== 'FORBIDDEN') wrong.push(`${op.method} ${op.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists every route with path parameters as scoped or unscoped', () => {
    const withParams = [...new Set(ops.filter((o) => !o.isPublic && /\{\w+\}/.test(o.path)).map((o) => o.path))];
    const unlisted = withParams.filter((p) => !scoped[p] && !unscoped[p]);
    expect(unlisted).toEqual([]);
  });

  it('answers 404 outside the data scope and 2xx inside it, for every scoped record route; every change inside is audited, none outside', async () => {
    const wrong: string[] = [];
    const ds = t.app.get(DataSource);
    const auditRows = async () => Number((await ds.query(`SELECT count(*) AS n FROM audit_events`))[0].n);
    for (const op of ops.filter((o) => scoped[o.path])) {
      const fixture = scoped[op.path](ctx);
      const mutation = op.method !== 'get';
      const before = await auditRows();
      const outside = await call(op, fill(op.path, fixture.outside), ctx.scopedUserAdmin, fixture.body);
      if (outside.status !== 404) wrong.push(`${op.method} ${op.path} outside → ${outside.status}`);
      if (mutation && (await auditRows()) !== before) wrong.push(`${op.method} ${op.path} outside wrote an audit row`);
      if (op.method === 'delete') continue; // deleting the inside record would break the other checks; covered by the resource's own tests
      const inside = await call(op, fill(op.path, fixture.inside), ctx.scopedUserAdmin, fixture.body);
      if (inside.status >= 300) wrong.push(`${op.method} ${op.path} inside → ${inside.status} ${JSON.stringify(inside.body)}`);
      else if (mutation && !unaudited[`${op.method} ${op.path}`] && (await auditRows()) <= before) wrong.push(`${op.method} ${op.path} inside changed data without an audit row`);
    }
    expect(wrong).toEqual([]);
  });
});
