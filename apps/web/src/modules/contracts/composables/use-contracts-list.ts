import { computed, reactive } from 'vue';
import type { SalesContractStatus } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { useAuthStore } from '@/stores/auth.store';
import { salesContractsApi, type ListSalesContractsParams } from '../api/contracts.api';

export const contractSorts = { createdDesc: '-createdAt', endAsc: 'endDate', signedDesc: '-signedDate', amountDesc: '-amount' } as const;
export type ContractSortKey = keyof typeof contractSorts;

export interface ContractFilters {
  q: string;
  status: SalesContractStatus | '';
  onlyMine: boolean;
  signedRange: [string, string] | null;
  endingBefore: string;
  sort: ContractSortKey;
}

/** The query of the contracts list from its filters. */
export function contractsQuery(filters: ContractFilters, me: string | undefined, customerId?: string): ListSalesContractsParams {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    ownerId: filters.onlyMine ? me : undefined,
    customerId,
    signedFrom: filters.signedRange?.[0] || undefined,
    signedTo: filters.signedRange?.[1] || undefined,
    endingBefore: filters.endingBefore || undefined,
    sort: contractSorts[filters.sort],
  };
}

export function useContractsList(customerId?: string) {
  const auth = useAuthStore();
  const filters = reactive<ContractFilters>({ q: '', status: '', onlyMine: false, signedRange: null, endingBefore: '', sort: 'createdDesc' });
  const query = computed(() => contractsQuery(filters, auth.me?.user.id, customerId));
  const list = useKeysetList((page) => salesContractsApi.list({ ...query.value, ...page }), { watch: [query], pageSize: 50, morePageSize: 200 });
  return { filters, ...list };
}
