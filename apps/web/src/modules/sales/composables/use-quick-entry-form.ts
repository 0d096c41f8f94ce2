import { ref, shallowRef } from 'vue';
import { ActivityType, QuickCreateActivityDto, type ActivityDto } from '@kehu/contracts';
import { validateDto } from '@/core/forms/validate-dto';
import { activitiesApi } from '../api/activities.api';
import { isPickedLead, useQuickEntryState, type PickedCustomer, type PickedLead, type QuickEntryTarget } from './use-quick-entry';

const { lastSaved } = useQuickEntryState();

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
