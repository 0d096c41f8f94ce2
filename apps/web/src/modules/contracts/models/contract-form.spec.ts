import { describe, expect, it } from 'vitest';
import type { SalesContractDto } from '@kehu/contracts';
import { createContractBody, emptyContractForm, formFromContract, updateContractBody } from './contract-form';

describe('contract form', () => {
  it('leaves blank optional fields out of the create body', () => {
    const body = createContractBody(emptyContractForm({ title: ' 合同 ', customerId: 'c1', amount: 100, term: ['2026-01-01', '2026-12-31'] }));
    expect(body).toEqual({ number: undefined, title: '合同', customerId: 'c1', ownerId: undefined, amount: 100, currency: 'CNY', startDate: '2026-01-01', endDate: '2026-12-31', signedDate: undefined });
  });

  it('sends only what changed on update', () => {
    const before = { number: 'HT-1', title: 'a', customerId: 'c1', ownerId: 'u1', amount: 100, currency: 'CNY', startDate: '2026-01-01', endDate: '2026-12-31', signedDate: null } as unknown as SalesContractDto;
    const values = formFromContract(before, 'Co');
    expect(updateContractBody(values, before)).toEqual({});
    values.signedDate = '2026-01-02';
    values.term = ['2026-01-01', '2027-01-01'];
    expect(updateContractBody(values, before)).toEqual({ signedDate: '2026-01-02', endDate: '2027-01-01' });
  });
});
