import { computed, reactive, ref } from 'vue';
import type { CasePriority, CaseStatus, CaseType, ListCasesQuery } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import type { ChoosableColumn } from '@/core/lists/use-column-chooser';
import { sortParam, sortState, type VirtualSort } from '@/core/lists/virtual-columns';
import { useAuthStore } from '@/stores/auth.store';
import { casesApi } from '../api/cases.api';

/** The quick filters above the list: an agent's own open cases, the open cases of the department (the scope), the breached ones, everything. */
export const caseQuickFilters = ['mine', 'queue', 'breached', 'all'] as const;
export type CaseQuickFilter = (typeof caseQuickFilters)[number];

/** Sorts the API knows; the list's sortable columns carry the same keys. */
export const caseSortKeys = ['createdAt', 'resolutionDueAt', 'priority', 'number'] as const;
export const defaultCaseSort = '-createdAt';

export interface CaseFilters {
  quick: CaseQuickFilter;
  q: string;
  status: CaseStatus | '';
  priority: CasePriority | '';
  type: CaseType | '';
  ownerId: string;
}

export const emptyCaseFilters = (quick: CaseQuickFilter = 'mine'): CaseFilters => ({ quick, q: '', status: '', priority: '', type: '', ownerId: '' });

/** Columns the user may hide or show (the subject always shows, with the number under it). */
export const caseColumns: readonly ChoosableColumn[] = [
  { key: 'number', labelKey: 'service.fields.number', visible: false },
  { key: 'customer', labelKey: 'service.fields.customer' },
  { key: 'priority', labelKey: 'service.fields.priority' },
  { key: 'status', labelKey: 'service.fields.status' },
  { key: 'owner', labelKey: 'service.fields.owner' },
  { key: 'response', labelKey: 'service.fields.responseSla' },
  { key: 'resolutionDueAt', labelKey: 'service.fields.resolutionSla' },
  { key: 'type', labelKey: 'service.fields.type', visible: false },
  { key: 'channel', labelKey: 'service.fields.channel', visible: false },
  { key: 'createdAt', labelKey: 'service.fields.createdAt' },
];

type CasesQuery = Omit<ListCasesQuery, 'limit' | 'cursor' | 'count'>;

/**
 * The list query from its filters. A status chosen by hand wins over the quick filter's
 * "only active", and an owner chosen by hand over "mine".
 */
export function casesQuery(filters: CaseFilters, sort: string, me: string | undefined, customerId?: string): CasesQuery {
  const quick = filters.quick;
  const onlyActive = quick !== 'all' && !filters.status;
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    active: onlyActive || undefined,
    priority: filters.priority || undefined,
    type: filters.type || undefined,
    ownerId: filters.ownerId || (quick === 'mine' ? me : undefined),
    breached: quick === 'breached' || undefined,
    customerId,
    sort: sort || defaultCaseSort,
  };
}

/** The cases list; with `customerId` the cases of one customer (its page's tab), all of them by default. */
export function useCasesList(customerId?: string) {
  const auth = useAuthStore();
  const filters = reactive<CaseFilters>(emptyCaseFilters(customerId ? 'all' : 'mine'));
  const sort = ref<string>(defaultCaseSort);
  const query = computed(() => casesQuery(filters, sort.value, auth.me?.user.id, customerId));
  const list = useKeysetList((page) => casesApi.list({ ...query.value, ...page }), { watch: [query], pageSize: 50, morePageSize: 200 });

  const sortBy = computed<VirtualSort>(() => sortState(sort.value));
  function onSort(next: VirtualSort): void {
    sort.value = (caseSortKeys as readonly string[]).includes(next.key) ? sortParam(next) : defaultCaseSort;
  }
  function resetFilters(): void {
    Object.assign(filters, emptyCaseFilters(filters.quick));
  }

  return { filters, sort, sortBy, query, onSort, resetFilters, ...list };
}
