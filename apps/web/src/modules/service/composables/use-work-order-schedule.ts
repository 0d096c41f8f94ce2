import { computed, ref, shallowRef, watch } from 'vue';
import type { WorkOrderDto } from '@kehu/contracts';
import { workOrdersApi } from '../api/work-orders.api';
import { dayHours, layoutSchedule, scheduleSlots, scheduleWindow, stepAnchor, type ScheduleMode } from '../models/work-order-schedule';

/** A week of a department's visits fits in a few pages; beyond this the board says it shows only part. */
export const scheduleMaxVisits = 1000;
const pageSize = 200;

/** The dispatch board: the visits of a week or a day (one technician's, or all in scope), laid out per technician. */
export function useWorkOrderSchedule() {
  const mode = ref<ScheduleMode>('week');
  const anchor = ref(new Date());
  const technicianId = ref('');
  const visits = shallowRef<WorkOrderDto[]>([]);
  const loading = ref(false);
  const truncated = ref(false);
  const range = computed(() => scheduleWindow(mode.value, anchor.value));
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const query = { from: range.value.from.toISOString(), to: range.value.to.toISOString(), technicianId: technicianId.value || undefined, sort: 'scheduledStart', limit: pageSize };
      const found: WorkOrderDto[] = [];
      let cursor: string | undefined;
      do {
        const page = await workOrdersApi.list({ ...query, cursor });
        if (mine !== generation) return;
        found.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && found.length < scheduleMaxVisits);
      visits.value = found;
      truncated.value = !!cursor;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }
  watch([() => range.value.from.getTime(), mode, technicianId], () => void reload());

  // A day's hours widen to take in its visits; a week's columns are its days.
  const grid = computed(() => scheduleSlots(mode.value, anchor.value, mode.value === 'day' ? dayHours(visits.value, anchor.value) : undefined));
  const rows = computed(() => layoutSchedule(visits.value, grid.value.slots));

  const step = (direction: -1 | 1) => (anchor.value = stepAnchor(mode.value, anchor.value, direction));
  const today = () => (anchor.value = new Date());
  /** A day of the week opened in the day view. */
  function openDay(day: Date): void {
    anchor.value = day;
    mode.value = 'day';
  }

  return { mode, anchor, technicianId, range, visits, loading, truncated, grid, rows, reload, step, today, openDay };
}
