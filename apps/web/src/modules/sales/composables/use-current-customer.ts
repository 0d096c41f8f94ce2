import { shallowRef } from 'vue';
import type { PickedCustomer } from './use-quick-entry';

// The customer whose page is open (set by the detail page), so quick entry starts with it chosen.
const current = shallowRef<PickedCustomer | null>(null);

export function useCurrentCustomer() {
  return current;
}
