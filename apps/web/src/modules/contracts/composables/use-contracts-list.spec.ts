import { describe, expect, it } from 'vitest';
import { contractsQuery, type ContractFilters } from './use-contracts-list';

const filters = (over: Partial<ContractFilters> = {}): ContractFilters => ({ q: '', status: '', onlyMine: false, signedRange: null, endingBefore: '', sort: 'createdDesc', ...over });

describe('contracts list query', () => {
  it('sends only the filters in use, with the sort the API knows', () => {
    expect(contractsQuery(filters(), 'me')).toEqual({ q: undefined, status: undefined, ownerId: undefined, customerId: undefined, signedFrom: undefined, signedTo: undefined, endingBefore: undefined, sort: '-createdAt' });
    expect(contractsQuery(filters({ q: ' HT ', onlyMine: true, signedRange: ['2026-01-01', '2026-03-31'], endingBefore: '2026-12-31', sort: 'endAsc' }), 'me', 'c1')).toMatchObject({
      q: 'HT',
      ownerId: 'me',
      customerId: 'c1',
      signedFrom: '2026-01-01',
      signedTo: '2026-03-31',
      endingBefore: '2026-12-31',
      sort: 'endDate',
    });
  });
});
