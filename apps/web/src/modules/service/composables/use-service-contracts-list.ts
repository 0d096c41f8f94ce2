import { computed, reactive, ref } from 'vue';
import type { ListServiceContractsQuery, ServiceContractStatus } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import type { ChoosableColumn } from '@/core/lists/use-column-chooser';
import { sortParam, sortState, type VirtualSort } from '@/core/lists/virtual-columns';
import { serviceContractsApi } from '../api/service-contracts.api';

/** Sorts the API knows; the list's sortable columns carry the same keys (the term column sorts by its end). */
export const serviceContractSortKeys = ['createdAt', 'endDate', 'startDate', 'number'] as const;
export const defaultServiceContractSort = '-createdAt';

export interface ServiceContractFilters {
  q: string;
  status: ServiceContractStatus | '';
  customerId: string;
  /** Ending on or before this day (renewals due). */
  endingBefore: string;
}

export const emptyServiceContractFilters = (): ServiceContractFilters => ({ q: '', status: '', customerId: '', endingBefore: '' });

/** Columns the user may hide or show (the name always shows, with the number under it). */
export const serviceContractColumns: readonly ChoosableColumn[] = [
  { key: 'number', labelKey: 'serviceContracts.fields.number', visible: false },
  { key: 'customer', labelKey: 'serviceContracts.fields.customer' },
  { key: 'level', labelKey: 'serviceContracts.fields.level' },
  { key: 'endDate', labelKey: 'serviceContracts.fields.term' },
  { key: 'status', labelKey: 'serviceContracts.fields.status' },
  { key: 'visits', labelKey: 'serviceContracts.fields.visitsIncluded' },
  { key: 'owner', labelKey: 'serviceContracts.fields.owner' },
  { key: 'createdAt', labelKey: 'serviceContracts.fields.createdAt', visible: false },
];

type ServiceContractsQuery = Omit<ListServiceContractsQuery, 'limit' | 'cursor' | 'count'>;

export function serviceContractsQuery(filters: ServiceContractFilters, sort: string): ServiceContractsQuery {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    customerId: filters.customerId || undefined,
    endingBefore: filters.endingBefore || undefined,
    sort: sort || defaultServiceContractSort,
  };
}

/** The service contracts list, with keyset paging and sorting by column. */
export function useServiceContractsList() {
  const filters = reactive<ServiceContractFilters>(emptyServiceContractFilters());
  const sort = ref<string>(defaultServiceContractSort);
  const query = computed(() => serviceContractsQuery(filters, sort.value));
  const list = useKeysetList((page) => serviceContractsApi.list({ ...query.value, ...page }), { watch: [query], pageSize: 50, morePageSize: 200 });

  const sortBy = computed<VirtualSort>(() => sortState(sort.value));
  function onSort(next: VirtualSort): void {
    sort.value = (serviceContractSortKeys as readonly string[]).includes(next.key) ? sortParam(next) : defaultServiceContractSort;
  }
  function resetFilters(): void {
    Object.assign(filters, emptyServiceContractFilters());
  }
  const filtered = computed(() => !!(filters.q || filters.status || filters.customerId || filters.endingBefore));

  return { filters, sort, sortBy, query, filtered, onSort, resetFilters, ...list };
}
