import { describe, expect, it } from 'vitest';
import { changeRows, formatValue } from './audit-changes';

describe('audit changes', () => {
  it('lists fields before → after, sorted, as text', () => {
    expect(
      changeRows({
        roles: { before: ['sales_rep'], after: ['sales_rep', 'clerk'] },
        active: { before: true, after: false },
        departmentId: { before: null, after: 'd1' },
      }),
    ).toEqual([
      { field: 'active', before: 'true', after: 'false' },
      { field: 'departmentId', before: '—', after: 'd1' },
      { field: 'roles', before: 'sales_rep', after: 'sales_rep, clerk' },
    ]);
  });

  it('never shows secrets, and copes with no changes', () => {
    expect(changeRows({ passwordHash: { before: 'x', after: 'y' } })).toEqual([{ field: 'passwordHash', before: '•••', after: '•••' }]);
    expect(changeRows(null)).toEqual([]);
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue([])).toBe('—');
  });
});
