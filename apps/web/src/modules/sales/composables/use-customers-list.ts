import { computed, reactive, ref, shallowRef } from 'vue';
import type { CustomerDto } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import type { ChoosableColumn } from '@/core/lists/use-column-chooser';
import { sortParam, type VirtualSort } from '@/core/lists/virtual-columns';
import { useAuthStore } from '@/stores/auth.store';
import { listCustomers } from '../api/customer-list-prefetch';
import { defaultSort, emptyFilters, toListQuery, type CustomerFilters } from '../models/customer-filters';
import { useCustomFieldsStore } from '../stores/custom-fields.store';
import { useOwnerNamesStore } from '../stores/owner-names.store';

/** Columns the user may hide or show (name always shows); custom fields are added per definition. */
export const customerColumns: readonly ChoosableColumn[] = [
  { key: 'owner', labelKey: 'sales.customer.owner' },
  { key: 'lifecycleStage', labelKey: 'sales.customer.lifecycleStage' },
  { key: 'grade', labelKey: 'sales.customer.grade' },
  { key: 'phone', labelKey: 'sales.customer.phone' },
  { key: 'region', labelKey: 'sales.customer.region' },
  { key: 'industry', labelKey: 'sales.customer.industry', visible: false },
  { key: 'tags', labelKey: 'sales.customer.tags' },
  { key: 'source', labelKey: 'sales.customer.source', visible: false },
  { key: 'completeness', labelKey: 'sales.customer.completeness', visible: false },
  { key: 'lastFollowUpAt', labelKey: 'sales.customer.lastFollowUpAt' },
  { key: 'createdAt', labelKey: 'common.createdAt', visible: false },
  { key: 'updatedAt', labelKey: 'sales.customer.updatedAt', visible: false },
];

/** Column key of a custom field (`cf.<key>`, as the API names its sort). */
export const customColumnKey = (key: string) => `cf.${key}`;

/**
 * The customers list: filters and sort reload it from the first page, "load more" appends;
 * `deleted` switches to the recycle bin. Selection is kept by id across pages.
 */
export function useCustomersList() {
  const auth = useAuthStore();
  const customFields = useCustomFieldsStore();
  const owners = useOwnerNamesStore();
  const filters = reactive<CustomerFilters>(emptyFilters());
  const sort = ref(defaultSort);
  const deleted = ref(false);
  const selected = shallowRef<CustomerDto[]>([]);

  const query = computed(() => ({ ...toListQuery(filters, sort.value, auth.me?.user.id ?? null, customFields.customer), deleted: deleted.value || undefined }));

  const list = useKeysetList(
    async (page) => {
      const result = await listCustomers({ ...query.value, ...page });
      void owners.ensure(result.data.map((c) => c.ownerId));
      return result;
    },
    { watch: [query], pageSize: 50, morePageSize: 200 },
  );

  function onSort(next: VirtualSort): void {
    sort.value = sortParam(next);
  }

  function resetFilters(): void {
    Object.assign(filters, emptyFilters());
  }

  /** Replaces the filters and sort at once (a saved view). */
  function apply(next: { filters: CustomerFilters; sort: string }): void {
    Object.assign(filters, emptyFilters(), structuredClone(next.filters));
    sort.value = next.sort || defaultSort;
  }

  return { filters, sort, deleted, selected, query, onSort, resetFilters, apply, ...list };
}
