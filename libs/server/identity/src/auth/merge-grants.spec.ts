import { DataScope } from '@kehu/contracts';
import { mergeGrants } from './principal-resolver.service';

describe('mergeGrants (several roles)', () => {
  it('keeps the widest scope per permission and the union of permissions', () => {
    const merged = mergeGrants([
      { 'sales.customer.read': DataScope.OWN, 'sales.customer.update': DataScope.DEPARTMENT },
      { 'sales.customer.read': DataScope.TEAM, 'admin.audit.read': DataScope.ALL },
      { 'sales.customer.read': DataScope.OWN, 'sales.customer.update': DataScope.OWN },
    ]);
    expect(merged).toEqual({ 'sales.customer.read': DataScope.TEAM, 'sales.customer.update': DataScope.DEPARTMENT, 'admin.audit.read': DataScope.ALL });
  });

  it('grants nothing without roles', () => {
    expect(mergeGrants([])).toEqual({});
  });
});
