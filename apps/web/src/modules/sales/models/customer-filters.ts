import type { CustomerGrade, CustomerSource, CustomFieldDto, LifecycleStage } from '@kehu/contracts';
import { CustomFieldType } from '@kehu/contracts';
import type { ListCustomersParams } from '../api/customers.api';

/** `mine`: customers I own; `all`: everything in my data scope; `pool`: the public pool. */
export type OwnerFilter = 'mine' | 'all' | 'pool';

export interface CustomerFilters {
  q: string;
  owner: OwnerFilter;
  lifecycleStage: LifecycleStage | '';
  grade: CustomerGrade | '';
  industry: string;
  province: string;
  city: string;
  tag: string;
  source: CustomerSource | '';
  /** `[from, to]` as `YYYY-MM-DD`, both inclusive; null for any time. */
  created: [string, string] | null;
  /** Customers without a follow-up for at least this many days; null for no limit. */
  noFollowUpDays: number | null;
  /** Custom field key → wanted value ('' for any). */
  custom: Record<string, string>;
}

/** The sorts the API accepts; `-` prefix descends. */
export const sortableColumns = ['name', 'createdAt', 'updatedAt', 'lastFollowUpAt'] as const;
export const defaultSort = '-createdAt';

export const emptyFilters = (): CustomerFilters => ({
  q: '',
  owner: 'all',
  lifecycleStage: '',
  grade: '',
  industry: '',
  province: '',
  city: '',
  tag: '',
  source: '',
  created: null,
  noFollowUpDays: null,
  custom: {},
});

/** Local midnight of a `YYYY-MM-DD` day as an ISO instant (`endOfDay`: the last millisecond). */
export function dayBoundary(day: string, endOfDay = false): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = endOfDay ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return date.toISOString();
}

/** How many filters beyond the search box are set (shown on the "More filters" button). */
export function activeFilterCount(filters: CustomerFilters): number {
  const plain = [filters.lifecycleStage, filters.grade, filters.industry, filters.province, filters.city, filters.tag, filters.source].filter((v) => v !== '').length;
  const custom = Object.values(filters.custom).filter((v) => v !== '').length;
  return plain + custom + (filters.created ? 1 : 0) + (filters.noFollowUpDays ? 1 : 0) + (filters.owner !== 'all' ? 1 : 0);
}

/**
 * The list query for the filters: blanks left out, the owner choice resolved against the
 * signed-in user, custom fields as `key:value` (only keys still defined, at most 5, as the API allows).
 */
export function toListQuery(filters: CustomerFilters, sort: string, meId: string | null, customFields: readonly CustomFieldDto[] = []): ListCustomersParams {
  const known = new Set(customFields.filter((f) => f.active).map((f) => f.key));
  const customField = Object.entries(filters.custom)
    .filter(([key, value]) => value !== '' && known.has(key))
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, 5)
    .map(([key, value]) => `${key}:${value}`);
  return {
    q: filters.q.trim() || undefined,
    ownerId: filters.owner === 'mine' && meId ? meId : undefined,
    unowned: filters.owner === 'pool' ? true : undefined,
    lifecycleStage: filters.lifecycleStage || undefined,
    grade: filters.grade || undefined,
    industry: filters.industry.trim() || undefined,
    province: filters.province.trim() || undefined,
    city: filters.city.trim() || undefined,
    tag: filters.tag.trim() || undefined,
    source: filters.source || undefined,
    createdFrom: filters.created ? dayBoundary(filters.created[0]) : undefined,
    createdTo: filters.created ? dayBoundary(filters.created[1], true) : undefined,
    noFollowUpDays: filters.noFollowUpDays && filters.noFollowUpDays > 0 ? Math.min(3650, Math.round(filters.noFollowUpDays)) : undefined,
    customField: customField.length ? customField : undefined,
    sort: sort || defaultSort,
  };
}

/** Custom fields that can be filtered by one exact value (free text and numbers are not offered). */
export const filterableCustomField = (field: CustomFieldDto): boolean =>
  field.active && [CustomFieldType.SINGLE_SELECT, CustomFieldType.MULTI_SELECT, CustomFieldType.BOOLEAN].includes(field.type);
