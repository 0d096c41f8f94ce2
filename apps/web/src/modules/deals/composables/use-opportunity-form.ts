import { computed, reactive, ref } from 'vue';
import { isApiProblemError } from '@kehu/api-client';
import { CreateOpportunityDto, StageKind, UpdateOpportunityDto, type OpportunityDto, type PipelineDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { validateDto } from '@/core/forms/validate-dto';
import { ruleMessage } from '@/core/forms/rule-message';
import { opportunitiesApi } from '../api/deals.api';
import { createBody, emptyOpportunityForm, formFromOpportunity, updateBody, type OpportunityFormValues } from '../models/opportunity-form';
import { itemsTotal } from '../models/line-items';

/**
 * The create / edit dialog of an opportunity: values checked with the shared DTO (line item
 * errors by path, `lineItems.0.quantity`), server field errors shown at the same places.
 */
export function useOpportunityForm(pipelines: () => readonly PipelineDto[]) {
  const open = ref(false);
  const saving = ref(false);
  const editing = ref<OpportunityDto | null>(null);
  const values = reactive(emptyOpportunityForm());
  const errors = reactive<Record<string, string>>({});

  const pipeline = computed(() => pipelines().find((p) => p.id === values.pipelineId) ?? pipelines().find((p) => p.isDefault) ?? null);
  const stages = computed(() => pipeline.value?.stages ?? []);
  const lostStage = computed(() => stages.value.find((s) => s.id === values.stageId)?.kind === StageKind.LOST);
  const computedTotal = computed(() => itemsTotal(values.lineItems));

  function clearErrors() {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  function openCreate(preset: Partial<OpportunityFormValues> = {}) {
    editing.value = null;
    const defaults = pipelines().find((p) => p.isDefault) ?? pipelines()[0];
    Object.assign(values, emptyOpportunityForm({ pipelineId: defaults?.id ?? '', stageId: defaults?.stages.find((s) => s.kind === StageKind.OPEN)?.id ?? '', ...preset }));
    clearErrors();
    open.value = true;
  }

  function openEdit(opportunity: OpportunityDto, customerName: string) {
    editing.value = opportunity;
    Object.assign(values, formFromOpportunity(opportunity, customerName));
    clearErrors();
    open.value = true;
  }

  function applyServer(error: unknown): boolean {
    if (!isApiProblemError(error) || !error.errors.length) return false;
    for (const { field, message, rule } of error.errors) {
      const name = field.replace(/^body\./, '');
      if (!errors[name]) errors[name] = ruleMessage(rule, message);
    }
    return true;
  }

  /** Saves; resolves the saved opportunity, or null when the dialog stays open. */
  async function submit(): Promise<OpportunityDto | null> {
    clearErrors();
    const before = editing.value;
    const body = before ? updateBody(values, before) : createBody(values, lostStage.value);
    Object.assign(errors, await validateDto(before ? UpdateOpportunityDto : CreateOpportunityDto, body));
    if (lostStage.value && !before && !values.lostReason.trim()) errors.lostReason = ruleMessage('required', '');
    if (Object.keys(errors).length) return null;
    saving.value = true;
    try {
      if (!before) {
        const created = await opportunitiesApi.create(body as CreateOpportunityDto);
        open.value = false;
        return created;
      }
      const result = await saveVersioned(() => opportunitiesApi.update(before.id, before.version, body as UpdateOpportunityDto), {
        reload: async () => openEdit(await opportunitiesApi.get(before.id), values.customerName),
      });
      if (!result.ok) return null;
      open.value = false;
      return result.value;
    } catch (error) {
      if (applyServer(error)) return null;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, editing, values, errors, stages, lostStage, computedTotal, openCreate, openEdit, submit };
}
