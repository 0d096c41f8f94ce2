import { computed, reactive } from 'vue';
import type { CustomerSource, LeadStatus } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { useAuthStore } from '@/stores/auth.store';
import { leadsApi, type ListLeadsParams } from '../api/leads.api';

export type LeadOwnerFilter = 'any' | 'mine' | 'queue';

export interface LeadFilters {
  q: string;
  status: LeadStatus | '';
  source: CustomerSource | '';
  owner: LeadOwnerFilter;
  /** Leads one web form captured (opened from the web forms page). */
  webFormId: string;
}

export function leadsQuery(filters: LeadFilters, me: string | undefined): ListLeadsParams {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    source: filters.source || undefined,
    ownerId: filters.owner === 'mine' ? me : undefined,
    unassigned: filters.owner === 'queue' ? true : undefined,
    webFormId: filters.webFormId || undefined,
  };
}

export function useLeadsList(webFormId = '') {
  const auth = useAuthStore();
  const filters = reactive<LeadFilters>({ q: '', status: '', source: '', owner: 'any', webFormId });
  const query = computed(() => leadsQuery(filters, auth.me?.user.id));
  const list = useKeysetList((page) => leadsApi.list({ ...query.value, ...page }), { watch: [query], pageSize: 50, morePageSize: 200 });
  return { filters, query, ...list };
}
