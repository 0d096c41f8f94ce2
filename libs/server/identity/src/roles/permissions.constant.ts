import { DataScope, PERMISSIONS, type Permission } from '@kehu/contracts';

export { PERMISSIONS, type Permission };

const grant = (scope: DataScope, ...perms: Permission[]) => Object.fromEntries(perms.map((p) => [p, scope])) as Record<string, DataScope>;

const salesAll: Permission[] = ['sales.customer.read', 'sales.customer.create', 'sales.customer.update', 'sales.customer.delete', 'sales.customer.assign', 'sales.customer.export'];

/** Built-in roles: created by the first migration's seed and kept in sync on start. */
export const BUILT_IN_ROLES: { key: string; name: string; permissions: Record<string, DataScope> }[] = [
  { key: 'admin', name: 'Administrator', permissions: grant(DataScope.ALL, ...PERMISSIONS) },
  { key: 'sales_manager', name: 'Sales manager', permissions: grant(DataScope.DEPARTMENT, ...salesAll) },
  { key: 'sales_rep', name: 'Sales rep', permissions: grant(DataScope.OWN, 'sales.customer.read', 'sales.customer.create', 'sales.customer.update') },
  { key: 'marketing', name: 'Marketing', permissions: grant(DataScope.ALL, 'sales.customer.read') },
  { key: 'service_manager', name: 'Service manager', permissions: grant(DataScope.DEPARTMENT, 'sales.customer.read') },
  { key: 'service_agent', name: 'Service agent', permissions: grant(DataScope.ALL, 'sales.customer.read') },
  { key: 'technician', name: 'Technician', permissions: grant(DataScope.OWN, 'sales.customer.read') },
  { key: 'analyst', name: 'Analyst', permissions: grant(DataScope.ALL, 'sales.customer.read', 'sales.customer.export') },
  { key: 'clerk', name: 'Clerk (data entry)', permissions: grant(DataScope.OWN, 'sales.customer.read', 'sales.customer.create', 'sales.customer.update') },
];
