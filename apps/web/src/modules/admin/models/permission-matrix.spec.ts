import { describe, expect, it } from 'vitest';
import { DataScope, PERMISSIONS } from '@kehu/contracts';
import { changedPermissions, groupPermissions, groupScope, setGroupScope, toGrants, toMatrix } from './permission-matrix';

describe('permission matrix', () => {
  it('groups every permission by module and resource, in catalogue order', () => {
    const groups = groupPermissions();
    expect(groups.flatMap((g) => g.rows.map((r) => r.permission))).toEqual([...PERMISSIONS]);
    const customers = groups.find((g) => g.key === 'sales.customer')!;
    expect(customers).toMatchObject({ module: 'sales', resource: 'customer' });
    expect(customers.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['read', 'create', 'update', 'delete', 'assign', 'export']));
    expect(customers.rows[0].action).toBe('read');
    expect(groups.find((g) => g.key === 'admin.api-key')?.rows.map((r) => r.action)).toEqual(['manage']);
  });

  it('turns grants into one cell per permission and back, dropping "none"', () => {
    const matrix = toMatrix({ 'sales.customer.read': 'team', 'sales.customer.create': 'own', 'no.such.permission': 'all' } as never);
    expect(Object.keys(matrix)).toEqual([...PERMISSIONS]);
    expect(matrix['sales.customer.read']).toBe('team');
    expect(matrix['admin.user.read']).toBe('none');
    expect(toGrants(matrix)).toEqual({ 'sales.customer.read': 'team', 'sales.customer.create': 'own' });
  });

  it('ignores scopes it does not know', () => {
    expect(toMatrix({ 'sales.customer.read': 'galaxy' } as never)['sales.customer.read']).toBe('none');
  });

  it('sets a whole group and reports its common scope', () => {
    const matrix = toMatrix({});
    const customers = groupPermissions().find((g) => g.key === 'sales.customer')!;
    expect(groupScope(matrix, customers)).toBe('none');
    setGroupScope(matrix, customers, DataScope.DEPARTMENT);
    expect(groupScope(matrix, customers)).toBe('department');
    matrix['sales.customer.export'] = DataScope.ALL;
    expect(groupScope(matrix, customers)).toBeNull();
  });

  it('lists the permissions that changed', () => {
    const before = toMatrix({ 'sales.customer.read': 'own' });
    const after = { ...before, 'sales.customer.read': DataScope.ALL, 'admin.audit.read': DataScope.ALL };
    expect(changedPermissions(before, after)).toEqual(['admin.audit.read', 'sales.customer.read']);
  });
});
