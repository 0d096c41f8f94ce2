import { ref, shallowRef } from 'vue';
import { ActivityType, QuickCreateActivityDto, type ActivityDto } from '@kehu/contracts';
import { validateDto } from '@/core/forms/validate-dto';
import { activitiesApi } from '../api/activities.api';

export interface PickedCustomer {
  id: string;
  name: string;
}

/** A lead not yet converted: its follow-ups are filed on the lead until conversion moves them. */
export interface PickedLead {
  kind: 'lead';
  id: string;
  name: string;
}

/** What quick entry logs on: a customer, or a lead. */
export type QuickEntryTarget = PickedCustomer | PickedLead;

export const isPickedLead = (target: QuickEntryTarget | null): target is PickedLead => (target as PickedLead | null)?.kind === 'lead';

// One quick-entry dialog for the whole app: the shortcut, the header button and the customer
// page open the same one.
const open = ref(false);
const preset = shallowRef<QuickEntryTarget | null>(null);
/** Bumped after every save, so an open timeline of that customer can reload. */
const lastSaved = shallowRef<ActivityDto | null>(null);

/** Opens quick entry, with the customer (or lead) already chosen when called from its page. */
export function openQuickEntry(target: QuickEntryTarget | null = null): void {
  preset.value = target;
  open.value = true;
}

/** The shared state of quick entry. */
export function useQuickEntryState() {
  return { open, preset, lastSaved };
}

/** The quick-entry form: customer (or a preset lead), type, one text; nothing else is asked. */
export function useQuickEntryForm() {
  const customer = shallowRef<PickedCustomer | null>(null);
  const lead = shallowRef<PickedLead | null>(null);
  const type = ref<ActivityType>(ActivityType.CALL);
  const text = ref('');
  const saving = ref(false);
  const errors = ref<Partial<Record<'customerId' | 'leadId' | 'type' | 'text', string>>>({});

  function reset(from: QuickEntryTarget | null): void {
    lead.value = isPickedLead(from) ? from : null;
    customer.value = isPickedLead(from) ? null : from;
    type.value = ActivityType.CALL;
    text.value = '';
    errors.value = {};
  }

  /** The saved follow-up, or null when something is missing. */
  async function submit(): Promise<ActivityDto | null> {
    if (saving.value) return null;
    const target = lead.value ? { leadId: lead.value.id } : customer.value ? { customerId: customer.value.id } : {};
    const dto = { ...target, type: type.value, text: text.value.trim() };
    errors.value = await validateDto(QuickCreateActivityDto, dto);
    // One of the two is required (the DTO marks both optional).
    if (!lead.value && !customer.value) errors.value = { ...errors.value, customerId: 'required' };
    // Tasks are planned on customers; a lead takes the other types.
    if (lead.value && type.value === ActivityType.TASK) errors.value = { ...errors.value, type: 'notTaskOnLead' };
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

  return { customer, lead, type, text, saving, errors, reset, submit };
}
