import { computed, ref, shallowRef } from 'vue';
import type { CustomerDto, MergeResultDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { customersApi } from '../api/customers.api';
import { defaultChoices, differingFields, mergeBody, mergedPreview, type MergeChoices } from '../models/merge-choices';

/**
 * Merging duplicates into one customer (the winner): pick the duplicates, choose per field
 * whose value to keep, send with the winner's If-Match. A 412 reloads the winner.
 */
export function useMerge() {
  const winner = shallowRef<CustomerDto | null>(null);
  const losers = ref<CustomerDto[]>([]);
  const choices = ref<MergeChoices>({});
  const saving = ref(false);
  const open = ref(false);

  const records = computed(() => (winner.value ? [winner.value, ...losers.value] : []));
  const fields = computed(() => differingFields(records.value));
  const preview = computed(() => (winner.value ? mergedPreview(records.value, winner.value.id, choices.value) : {}));

  function start(target: CustomerDto, duplicates: CustomerDto[] = []): void {
    winner.value = target;
    losers.value = duplicates.filter((d) => d.id !== target.id);
    choices.value = defaultChoices(target, losers.value);
    open.value = true;
  }

  async function addLoser(id: string): Promise<void> {
    if (!winner.value || id === winner.value.id || losers.value.some((l) => l.id === id)) return;
    const customer = await customersApi.get(id);
    losers.value = [...losers.value, customer];
    // New differing fields get their default; choices already made stay.
    choices.value = { ...defaultChoices(winner.value, losers.value), ...choices.value };
  }

  function removeLoser(id: string): void {
    losers.value = losers.value.filter((l) => l.id !== id);
    const ids = new Set(records.value.map((r) => r.id));
    choices.value = Object.fromEntries(Object.entries(choices.value).filter(([, chosen]) => chosen && ids.has(chosen)));
  }

  /** The merge result, or null (nothing to merge, or reloaded after 412). */
  async function submit(): Promise<MergeResultDto | null> {
    const target = winner.value;
    if (!target || !losers.value.length) return null;
    const dto = mergeBody(target.id, losers.value.map((l) => l.id), choices.value);
    saving.value = true;
    try {
      const result = await saveVersioned(() => customersApi.merge(target.id, target.version, dto), {
        reload: async () => (winner.value = await customersApi.get(target.id)),
      });
      if (!result.ok) return null;
      open.value = false;
      return result.value;
    } finally {
      saving.value = false;
    }
  }

  return { open, winner, losers, choices, fields, records, preview, saving, start, addLoser, removeLoser, submit };
}
