import { describe, expect, it } from 'vitest';
import { CustomerGrade, CustomFieldEntity, CustomFieldType, LifecycleStage, type CustomFieldDto } from '@kehu/contracts';
import { activeFilterCount, dayBoundary, emptyFilters, toListQuery } from './customer-filters';

const field = (key: string, type: CustomFieldType, active = true): CustomFieldDto => ({
  id: key, entityType: CustomFieldEntity.CUSTOMER, key, label: key, type, options: ['VIP', 'Normal'], required: false, sortOrder: 0, active, version: 1,
});

describe('customer filters → list query', () => {
  it('sends only what is set, with the default sort', () => {
    expect(toListQuery(emptyFilters(), '', 'me')).toEqual(Object.assign(Object.fromEntries(Object.keys(toListQuery(emptyFilters(), '', 'me')).map((k) => [k, undefined])), { sort: '-createdAt' }));
  });

  it('maps every filter to its parameter', () => {
    const filters = {
      ...emptyFilters(),
      q: '  华为 ',
      owner: 'mine' as const,
      lifecycleStage: LifecycleStage.KEY_ACCOUNT,
      grade: CustomerGrade.A,
      industry: '制造',
      province: '广东省',
      city: '深圳市',
      tag: 'VIP',
      created: ['2026-01-01', '2026-01-31'] as [string, string],
      noFollowUpDays: 30,
      custom: { erp_level: 'VIP', region_code: '', gone: 'x' },
    };
    const query = toListQuery(filters, '-lastFollowUpAt', 'user-1', [field('erp_level', CustomFieldType.SINGLE_SELECT), field('gone', CustomFieldType.TEXT, false)]);
    expect(query).toMatchObject({
      q: '华为',
      ownerId: 'user-1',
      lifecycleStage: 'key_account',
      grade: 'A',
      industry: '制造',
      province: '广东省',
      city: '深圳市',
      tag: 'VIP',
      noFollowUpDays: 30,
      customField: ['erp_level:VIP'],
      sort: '-lastFollowUpAt',
      createdFrom: dayBoundary('2026-01-01'),
      createdTo: dayBoundary('2026-01-31', true),
    });
    expect(query.unowned).toBeUndefined();
    expect(new Date(query.createdTo!).getTime() - new Date(query.createdFrom!).getTime()).toBe(31 * 86_400_000 - 1);
  });

  it('the public pool is `unowned`, "all" sends no owner', () => {
    expect(toListQuery({ ...emptyFilters(), owner: 'pool' }, '', 'me')).toMatchObject({ unowned: true, ownerId: undefined });
    expect(toListQuery({ ...emptyFilters(), owner: 'all' }, '', 'me')).toMatchObject({ unowned: undefined, ownerId: undefined });
  });

  it('keeps the API limits: at most five custom field filters, days within range', () => {
    const fields = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => field(k, CustomFieldType.BOOLEAN));
    const custom = Object.fromEntries(fields.map((f) => [f.key, 'true']));
    const query = toListQuery({ ...emptyFilters(), custom, noFollowUpDays: 99999 }, '', null, fields);
    expect(query.customField).toHaveLength(5);
    expect(query.noFollowUpDays).toBe(3650);
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount(emptyFilters())).toBe(0);
    expect(activeFilterCount({ ...emptyFilters(), grade: CustomerGrade.B, created: ['2026-01-01', '2026-01-02'], custom: { x: 'y' } })).toBe(3);
  });
});
