import { markRaw, type Component } from 'vue';
import type { RouteComponent } from 'vue-router';
import type { Permission } from '@kehu/contracts';
import { Coin, Connection, DataLine, Document, Key, OfficeBuilding, Promotion, Stamp, User } from '@element-plus/icons-vue';

export interface AdminSection {
  /** Route name, also the key of its texts: `admin.sections.<key>`, `help.<help>`. */
  key: string;
  name: string;
  path: string;
  /** The page opens for users holding this permission. */
  permission: Permission;
  icon: Component;
  help: string;
  component: () => Promise<RouteComponent>;
}

// Each page is its own lazy chunk; the admin area costs nothing until an admin opens it.
export const adminSections: AdminSection[] = [
  { key: 'users', name: 'admin-users', path: 'users', permission: 'admin.user.read', icon: markRaw(User), help: 'adminUsers', component: () => import('./pages/users-page.vue') },
  { key: 'departments', name: 'admin-departments', path: 'departments', permission: 'admin.department.manage', icon: markRaw(OfficeBuilding), help: 'adminDepartments', component: () => import('./pages/departments-page.vue') },
  { key: 'teams', name: 'admin-teams', path: 'teams', permission: 'admin.department.manage', icon: markRaw(Connection), help: 'adminTeams', component: () => import('./pages/teams-page.vue') },
  { key: 'roles', name: 'admin-roles', path: 'roles', permission: 'admin.role.manage', icon: markRaw(Stamp), help: 'adminRoles', component: () => import('./pages/roles-page.vue') },
  { key: 'apiKeys', name: 'admin-api-keys', path: 'api-keys', permission: 'admin.api-key.manage', icon: markRaw(Key), help: 'adminApiKeys', component: () => import('./pages/api-keys-page.vue') },
  { key: 'delegations', name: 'admin-delegations', path: 'delegations', permission: 'admin.delegation.manage', icon: markRaw(Coin), help: 'adminDelegations', component: () => import('./pages/delegations-page.vue') },
  { key: 'rollout', name: 'admin-rollout', path: 'module-rollout', permission: 'admin.rollout.manage', icon: markRaw(DataLine), help: 'adminRollout', component: () => import('./pages/module-rollout-page.vue') },
  { key: 'audit', name: 'admin-audit', path: 'audit-log', permission: 'admin.audit.read', icon: markRaw(Document), help: 'adminAudit', component: () => import('./pages/audit-log-page.vue') },
  // Last, so the sections above keep their place in the menu (what does not fit folds into its overflow).
  { key: 'webhooks', name: 'admin-webhooks', path: 'webhooks', permission: 'integrations.webhook.manage', icon: markRaw(Promotion), help: 'adminWebhooks', component: () => import('./pages/webhooks-page.vue') },
];
