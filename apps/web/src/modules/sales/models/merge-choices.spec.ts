import { describe, expect, it } from 'vitest';
import { CustomerKind, CustomerSource, LifecycleStage, type CustomerDto } from '@kehu/contracts';
import { defaultChoices, differingFields, mergeBody, mergedPreview } from './merge-choices';

const customer = (id: string, extra: Partial<CustomerDto> = {}): CustomerDto => ({
  id, kind: CustomerKind.COMPANY, name: '华为', shortName: null, industry: null, country: 'CN', province: null, city: null, address: null, website: null,
  phone: null, email: null, source: CustomerSource.OTHER, lifecycleStage: LifecycleStage.PROSPECT, grade: null, gradeLockedAt: null, gradeReason: null, tags: [], ownerId: 'rep', departmentId: null, developerId: 'rep', poolId: null, claimedAt: null, lockedAt: null,
  referredByCustomerId: null, externalId: null, externalSource: null, lastFollowUpAt: null, nextFollowUpOn: null, customFields: {}, completeness: 20,
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1, ...extra,
});

describe('merge field choices', () => {
  const winner = customer('w', { phone: '+8613800000000', industry: '通信' });
  const loser = customer('l', { name: '华为技术', phone: '+8613900000000', email: 'a@huawei.com', industry: null });

  it('lists only the fields the records disagree on', () => {
    expect(differingFields([winner, loser]).sort()).toEqual(['email', 'industry', 'name', 'phone']);
  });

  it('keeps the winner by default, but never drops a value only a duplicate has', () => {
    expect(defaultChoices(winner, [loser])).toEqual({ name: 'w', phone: 'w', industry: 'w', email: 'l' });
  });

  it('sends only the fields taken from a duplicate', () => {
    expect(mergeBody('w', ['l'], { name: 'w', phone: 'l', email: 'l', industry: 'w' })).toEqual({ loserIds: ['l'], fields: { phone: 'l', email: 'l' } });
    expect(mergeBody('w', ['l'], { name: 'w' })).toEqual({ loserIds: ['l'] });
    // A choice pointing at a record no longer in the merge is dropped.
    expect(mergeBody('w', ['l'], { phone: 'gone' })).toEqual({ loserIds: ['l'] });
  });

  it('previews the merged record', () => {
    expect(mergedPreview([winner, loser], 'w', { phone: 'l', email: 'l' })).toMatchObject({ id: 'w', phone: '+8613900000000', email: 'a@huawei.com', industry: '通信' });
  });
});
