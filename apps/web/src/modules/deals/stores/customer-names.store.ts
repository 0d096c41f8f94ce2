import { defineStore } from 'pinia';
import { reactive } from 'vue';
import { customerLookupApi } from '../api/deals.api';

/** Customer names by id for lists of opportunities (which carry only the id). */
export const useCustomerNamesStore = defineStore('deals-customer-names', () => {
  const names = reactive(new Map<string, string>());
  const pending = new Set<string>();

  async function ensure(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => id && !names.has(id) && !pending.has(id));
    missing.forEach((id) => pending.add(id));
    await Promise.all(
      missing.map((id) =>
        customerLookupApi
          .get(id)
          .then((customer) => names.set(id, customer.name))
          .catch(() => undefined)
          .finally(() => pending.delete(id)),
      ),
    );
  }

  const nameOf = (id: string) => names.get(id) ?? '…';
  return { names, ensure, nameOf, remember: (id: string, name: string) => names.set(id, name) };
});
