import { ref, shallowRef } from 'vue';
import type { ActivityDto } from '@kehu/contracts';

// Quick entry's shared state: the layout's shortcut listener and the header button import only
// this; the form (its DTO validation) is in use-quick-entry-form, loaded with the dialog.

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
