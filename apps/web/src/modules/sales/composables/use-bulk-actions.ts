import { ref } from 'vue';
import { BulkUpdateCustomersDto, type LifecycleStage } from '@kehu/contracts';
import { validateDto } from '@/core/forms/validate-dto';
import { i18n } from '@/i18n';
import { customersApi } from '../api/customers.api';

export type BulkAction = 'assign' | 'stage' | 'addTags' | 'removeTags';

export interface BulkValues {
  ownerId: string;
  lifecycleStage: LifecycleStage | '';
  tags: string[];
}

/** The bulk-update body for one action on the selected ids. */
export function bulkBody(action: BulkAction, ids: readonly string[], values: BulkValues): BulkUpdateCustomersDto {
  const base = { ids: [...ids] };
  switch (action) {
    case 'assign':
      return { ...base, ownerId: values.ownerId };
    case 'stage':
      return { ...base, lifecycleStage: values.lifecycleStage as LifecycleStage };
    case 'addTags':
      return { ...base, addTags: [...values.tags] };
    case 'removeTags':
      return { ...base, removeTags: [...values.tags] };
  }
}

/** Owner, stage and tag changes for the selected customers (one request, up to 500). */
export function useBulkActions(afterSave: () => Promise<unknown>) {
  const action = ref<BulkAction | null>(null);
  const values = ref<BulkValues>({ ownerId: '', lifecycleStage: '', tags: [] });
  const saving = ref(false);
  const error = ref('');

  function start(next: BulkAction): void {
    action.value = next;
    values.value = { ownerId: '', lifecycleStage: '', tags: [] };
    error.value = '';
  }

  /** The number of customers changed, or null when the input is not valid. */
  async function submit(ids: readonly string[]): Promise<number | null> {
    if (!action.value) return null;
    const dto = bulkBody(action.value, ids.slice(0, 500), values.value);
    const problems = await validateDto(BulkUpdateCustomersDto, dto);
    const first = Object.values(problems)[0];
    const emptyChoice = (action.value === 'assign' && !values.value.ownerId) || (action.value === 'stage' && !values.value.lifecycleStage) || (action.value.endsWith('Tags') && !values.value.tags.length);
    if (first || emptyChoice) {
      error.value = first ?? i18n.global.t('errors.rules.required');
      return null;
    }
    saving.value = true;
    try {
      const { updated } = await customersApi.bulkUpdate(dto);
      action.value = null;
      await afterSave();
      return updated;
    } finally {
      saving.value = false;
    }
  }

  return { action, values, saving, error, start, submit };
}
