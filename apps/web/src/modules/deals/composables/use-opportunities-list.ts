import { computed, reactive } from 'vue';
import type { OpportunityStatus } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { useAuthStore } from '@/stores/auth.store';
import { opportunitiesApi, type ListOpportunitiesParams } from '../api/deals.api';

export const opportunitySorts = { updatedDesc: '-updatedAt', createdDesc: '-createdAt', closeAsc: 'expectedCloseDate', amountDesc: '-amount' } as const;
export type OpportunitySortKey = keyof typeof opportunitySorts;

export interface OpportunityFilters {
  q: string;
  status: OpportunityStatus | '';
  pipelineId: string;
  stageId: string;
  onlyMine: boolean;
  closeRange: [string, string] | null;
  sort: OpportunitySortKey;
}

/** The query of the opportunities list from its filters. */
export function opportunitiesQuery(filters: OpportunityFilters, me: string | undefined): ListOpportunitiesParams {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    pipelineId: filters.pipelineId || undefined,
    stageId: filters.stageId || undefined,
    ownerId: filters.onlyMine ? me : undefined,
    expectedCloseFrom: filters.closeRange?.[0] || undefined,
    expectedCloseTo: filters.closeRange?.[1] || undefined,
    sort: opportunitySorts[filters.sort],
  };
}

export function useOpportunitiesList() {
  const auth = useAuthStore();
  const filters = reactive<OpportunityFilters>({ q: '', status: '', pipelineId: '', stageId: '', onlyMine: false, closeRange: null, sort: 'updatedDesc' });
  const query = computed(() => opportunitiesQuery(filters, auth.me?.user.id));
  const list = useKeysetList((page) => opportunitiesApi.list({ ...query.value, ...page }), { watch: [query], pageSize: 50, morePageSize: 200 });
  return { filters, query, ...list };
}
