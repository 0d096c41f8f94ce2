import { ref } from 'vue';
import { TaskWindow, type ActivityDto } from '@kehu/contracts';
import { activitiesApi } from '../api/activities.api';

/** The signed-in rep's tasks due today and overdue; completing one removes it from the card. */
export function useMyTasks() {
  const today = ref<ActivityDto[]>([]);
  const overdue = ref<ActivityDto[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const completing = ref<string | null>(null);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const [dueToday, late] = await Promise.all([
        activitiesApi.myTasks({ when: TaskWindow.TODAY, tz, limit: 20 }),
        activitiesApi.myTasks({ when: TaskWindow.OVERDUE, tz, limit: 20 }),
      ]);
      today.value = dueToday.data;
      // A task due earlier today is both "today" and "overdue": show it once, under today.
      const seen = new Set(dueToday.data.map((t) => t.id));
      overdue.value = late.data.filter((t) => !seen.has(t.id));
      loaded.value = true;
    } finally {
      loading.value = false;
    }
  }

  async function complete(task: ActivityDto): Promise<void> {
    completing.value = task.id;
    try {
      await activitiesApi.complete(task.id);
      today.value = today.value.filter((t) => t.id !== task.id);
      overdue.value = overdue.value.filter((t) => t.id !== task.id);
    } finally {
      completing.value = null;
    }
  }

  return { today, overdue, loading, loaded, completing, load, complete };
}
