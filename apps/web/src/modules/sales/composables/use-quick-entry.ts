import { ref, shallowRef } from 'vue';
import { ActivityType, QuickCreateActivityDto, type ActivityDto } from '@kehu/contracts';
import { validateDto } from '@/core/forms/validate-dto';
import { activitiesApi } from '../api/activities.api';

export interface PickedCustomer {
  id: string;
  name: string;
}

// One quick-entry dialog for the whole app: the shortcut, the header button and the customer
// page open the same one.
const open = ref(false);
const preset = shallowRef<PickedCustomer | null>(null);
/** Bumped after every save, so an open timeline of that customer can reload. */
const lastSaved = shallowRef<ActivityDto | null>(null);

/** Opens quick entry, with the customer already chosen when called from a customer's page. */
export function openQuickEntry(customer: PickedCustomer | null = null): void {
  preset.value = customer;
  open.value = true;
}

/** The shared state of quick entry. */
export function useQuickEntryState() {
  return { open, preset, lastSaved };
}

/** The quick-entry form: customer, type, one text; nothing else is asked. */
export function useQuickEntryForm() {
  const customer = shallowRef<PickedCustomer | null>(null);
  const type = ref<ActivityType>(ActivityType.CALL);
  const text = ref('');
  const saving = ref(false);
  const errors = ref<Partial<Record<'customerId' | 'type' | 'text', string>>>({});

  function reset(from: PickedCustomer | null): void {
    customer.value = from;
    type.value = ActivityType.CALL;
    text.value = '';
    errors.value = {};
  }

  /** The saved follow-up, or null when something is missing. */
  async function submit(): Promise<ActivityDto | null> {
    if (saving.value) return null;
    const dto = { customerId: customer.value?.id ?? '', type: type.value, text: text.value.trim() };
    errors.value = await validateDto(QuickCreateActivityDto, dto);
    if (Object.keys(errors.value).length) return null;
    saving.value = true;
    try {
      const saved = await activitiesApi.quick(dto);
      lastSaved.value = saved;
      return saved;
    } finally {
      saving.value = false;
    }
  }

  return { customer, type, text, saving, errors, reset, submit };
}
