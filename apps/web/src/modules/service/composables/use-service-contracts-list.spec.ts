import { describe, expect, it } from 'vitest';
import { ServiceContractStatus } from '@kehu/contracts';
import { emptyServiceContractFilters, serviceContractsQuery } from './use-service-contracts-list';

describe('service contracts list query', () => {
  it('sends only the filters in use, newest first by default', () => {
    expect(serviceContractsQuery(emptyServiceContractFilters(), '')).toEqual({ q: undefined, status: undefined, customerId: undefined, endingBefore: undefined, sort: '-createdAt' });
  });

  it('passes status, customer, ending date, a trimmed search and the column sort', () => {
    const filters = { q: ' SC-2027 ', status: ServiceContractStatus.ACTIVE, customerId: 'c1', endingBefore: '2027-03-31' };
    expect(serviceContractsQuery(filters, 'endDate')).toEqual({ q: 'SC-2027', status: 'active', customerId: 'c1', endingBefore: '2027-03-31', sort: 'endDate' });
  });
});
