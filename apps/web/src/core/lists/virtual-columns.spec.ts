import { describe, expect, it } from 'vitest';
import { sortParam, sortState } from './virtual-columns';

describe('virtual table sorts', () => {
  it('reads and writes the API sort parameter, custom columns included', () => {
    expect(sortState('-createdAt')).toEqual({ key: 'createdAt', order: 'desc' });
    expect(sortState('name')).toEqual({ key: 'name', order: 'asc' });
    expect(sortParam({ key: 'cf.erp_level', order: 'desc' })).toBe('-cf.erp_level');
    expect(sortParam(sortState('-lastFollowUpAt'))).toBe('-lastFollowUpAt');
  });
});
