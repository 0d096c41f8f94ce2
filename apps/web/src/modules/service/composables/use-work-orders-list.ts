import { computed, reactive, ref } from 'vue';
import { WorkOrderLimits, WorkOrderStatus, type ListWorkOrdersQuery } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import type { ChoosableColumn } from '@/core/lists/use-column-chooser';
import { sortParam, sortState, type VirtualSort } from '@/core/lists/virtual-columns';
import { workOrdersApi } from '../api/work-orders.api';
import { addDays, startOfDay } from '../models/work-order-schedule';

const DAY = 86_400_000;

/** Sorts the API knows; the list's sortable columns carry the same keys (the window column sorts by its start). */
export const workOrderSortKeys = ['scheduledStart', 'createdAt', 'number'] as const;
export const defaultWorkOrderSort = '-scheduledStart';

export interface WorkOrderFilters {
  q: string;
  status: WorkOrderStatus | '';
  technicianId: string;
  /** Days (YYYY-MM-DD), both included; at most 92 days apart (the API's window). */
  range: [string, string] | null;
}

export const emptyWorkOrderFilters = (): WorkOrderFilters => ({ q: '', status: '', technicianId: '', range: null });

/** Columns the user may hide or show (number and window always show). */
export const workOrderColumns: readonly ChoosableColumn[] = [
  { key: 'customer', labelKey: 'workOrders.fields.customer' },
  { key: 'case', labelKey: 'workOrders.fields.case' },
  { key: 'technician', labelKey: 'workOrders.fields.technician' },
  { key: 'status', labelKey: 'workOrders.fields.status' },
  { key: 'billable', labelKey: 'workOrders.fields.billable', visible: false },
  { key: 'address', labelKey: 'workOrders.fields.address', visible: false },
  { key: 'createdAt', labelKey: 'workOrders.fields.createdAt', visible: false },
];

type WorkOrdersQuery = Omit<ListWorkOrdersQuery, 'limit' | 'cursor' | 'count'>;

/** Local midnight of a YYYY-MM-DD day. */
const dayStart = (day: string) => new Date(`${day}T00:00:00`);

/** Visits whose window touches the chosen days: from the first day's midnight to the midnight after the last. */
export function workOrdersQuery(filters: WorkOrderFilters, sort: string): WorkOrdersQuery {
  const [first, last] = filters.range ?? [];
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    technicianId: filters.technicianId || undefined,
    from: first ? dayStart(first).toISOString() : undefined,
    to: last ? addDays(dayStart(last), 1).toISOString() : undefined,
    sort: sort || defaultWorkOrderSort,
  };
}

/** The technician's day and what follows: their own visits from this morning on, soonest first. */
export const myVisitsQuery = (technicianId: string, now: Date): WorkOrdersQuery => ({ technicianId, from: startOfDay(now).toISOString(), sort: 'scheduledStart' });

/** A technician's visits before today still to be done (booked or checked in): one query per status. */
export const unfinishedVisitsQueries = (technicianId: string, now: Date): WorkOrdersQuery[] =>
  [WorkOrderStatus.SCHEDULED, WorkOrderStatus.IN_PROGRESS].map((status) => ({ technicianId, status, to: startOfDay(now).toISOString(), sort: 'scheduledStart' }));

/** While a range is being picked: days too far from the first pick for the API's window. */
export const outsideWindow = (firstPick: Date | null, day: Date): boolean =>
  !!firstPick && Math.abs(startOfDay(day).getTime() - startOfDay(firstPick).getTime()) >= WorkOrderLimits.windowMaxDays * DAY;

/** The work orders list, with keyset paging and sorting by column. */
export function useWorkOrdersList() {
  const filters = reactive<WorkOrderFilters>(emptyWorkOrderFilters());
  const sort = ref<string>(defaultWorkOrderSort);
  const query = computed(() => workOrdersQuery(filters, sort.value));
  const list = useKeysetList((page) => workOrdersApi.list({ ...query.value, ...page }), { watch: [query], pageSize: 50, morePageSize: 200 });

  const sortBy = computed<VirtualSort>(() => sortState(sort.value));
  function onSort(next: VirtualSort): void {
    sort.value = (workOrderSortKeys as readonly string[]).includes(next.key) ? sortParam(next) : defaultWorkOrderSort;
  }
  function resetFilters(): void {
    Object.assign(filters, emptyWorkOrderFilters());
  }
  const filtered = computed(() => !!(filters.q || filters.status || filters.technicianId || filters.range));

  return { filters, sort, sortBy, query, filtered, onSort, resetFilters, ...list };
}
