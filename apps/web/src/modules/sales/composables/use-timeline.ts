import { computed, ref, watch } from 'vue';
import { ActivityType, CreateActivityDto, type ActivityDto } from '@kehu/contracts';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { withoutBlanks } from '@/core/forms/validate-dto';
import { activitiesApi } from '../api/activities.api';
import { useQuickEntryState } from './use-quick-entry';

/** A customer's follow-ups, newest first, page by page; reloads when quick entry saves one for it. */
export function useTimeline(customerId: () => string) {
  const list = useKeysetList<ActivityDto>((page) => activitiesApi.list({ ...page, customerId: customerId(), sort: '-occurredAt' }), { count: false, pageSize: 20 });
  const { lastSaved } = useQuickEntryState();
  watch(lastSaved, (saved) => saved?.customerId === customerId() && void list.reload());
  return list;
}

export interface ActivityFormValues {
  type: ActivityType;
  subject: string;
  body: string;
  outcome: string;
  /** `YYYY-MM-DDTHH:mm:ss` local time (the picker's value format); blank = now. */
  occurredAt: string;
  durationMinutes: number | null;
  contactId: string;
  /** Tasks only. */
  dueAt: string;
}

const fields = ['type', 'subject', 'body', 'outcome', 'occurredAt', 'durationMinutes', 'contactId', 'dueAt', 'customerId'] as const;
type Field = (typeof fields)[number];

const blank = (): ActivityFormValues => ({ type: ActivityType.CALL, subject: '', body: '', outcome: '', occurredAt: '', durationMinutes: null, contactId: '', dueAt: '' });

const toIso = (local: string) => (local ? new Date(local).toISOString() : '');

/** The full follow-up form on the customer page (quick entry is the short one). */
export function useActivityForm(customerId: () => string) {
  const values = ref(blank());
  const saving = ref(false);
  const form = useDtoForm<Field>(CreateActivityDto, fields);
  const isTask = computed(() => values.value.type === ActivityType.TASK);

  function reset(): void {
    values.value = blank();
    form.clear();
  }

  function body(): CreateActivityDto {
    const v = values.value;
    return withoutBlanks({
      customerId: customerId(),
      type: v.type,
      subject: v.subject.trim(),
      body: v.body.trim(),
      outcome: v.outcome.trim(),
      occurredAt: toIso(v.occurredAt),
      durationMinutes: v.durationMinutes ?? undefined,
      contactId: v.contactId,
      dueAt: isTask.value ? toIso(v.dueAt) : '',
    }) as CreateActivityDto;
  }

  async function submit(): Promise<ActivityDto | null> {
    const dto = body();
    if (!(await form.check(dto))) return null;
    saving.value = true;
    try {
      const saved = await activitiesApi.create(dto);
      reset();
      return saved;
    } catch (error) {
      if (form.applyServer(error)) return null;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { values, saving, errors: form.errors, isTask, reset, submit, body };
}
