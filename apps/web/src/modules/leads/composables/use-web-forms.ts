import { computed, reactive, ref } from 'vue';
import { isApiProblemError } from '@kehu/api-client';
import { CreateWebFormDto, CustomFieldEntity, UpdateWebFormDto, type CustomFieldDto, type WebFormDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { ruleMessage } from '@/core/forms/rule-message';
import { validateDto } from '@/core/forms/validate-dto';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { customFieldsApi } from '@/modules/sales/api/custom-fields.api';
import { webFormsApi, type ListWebFormsParams } from '../api/web-forms.api';
import { emptyWebForm, webFormBody, webFormValues } from '../models/web-form-form';

export interface WebFormFilters {
  q: string;
  enabled: '' | 'true' | 'false';
  sort: '-createdAt' | 'name';
}

export const webFormsQuery = (f: WebFormFilters): ListWebFormsParams => ({ q: f.q.trim() || undefined, enabled: f.enabled === '' ? undefined : f.enabled === 'true', sort: f.sort });

/** The web forms list (filters, sort, keyset paging) with its create/edit dialog. */
export function useWebForms() {
  const filters = reactive<WebFormFilters>({ q: '', enabled: '', sort: '-createdAt' });
  const query = computed(() => webFormsQuery(filters));
  const list = useKeysetList((page) => webFormsApi.list({ ...query.value, ...page }), { watch: [query], pageSize: 50 });
  const customFields = ref<CustomFieldDto[]>([]);
  const open = ref(false);
  const saving = ref(false);
  const editing = ref<WebFormDto | null>(null);
  const values = reactive(emptyWebForm());
  const errors = reactive<Record<string, string>>({});
  const customKeys = () => customFields.value.filter((f) => f.active).map((f) => f.key);

  async function loadCustomFields() {
    // Any signed-in user reads definitions; without them the picker offers the standard fields.
    customFields.value = await customFieldsApi.list(CustomFieldEntity.LEAD).catch(() => []);
  }

  const clearErrors = () => Object.keys(errors).forEach((key) => delete errors[key]);

  function openCreate() {
    editing.value = null;
    Object.assign(values, emptyWebForm(customKeys()));
    clearErrors();
    open.value = true;
  }

  function openEdit(form: WebFormDto) {
    editing.value = form;
    Object.assign(values, webFormValues(form, customKeys()));
    clearErrors();
    open.value = true;
  }

  const replace = (form: WebFormDto) => list.replace((row) => row.id === form.id, form);

  async function submit(): Promise<WebFormDto | null> {
    clearErrors();
    const before = editing.value;
    const body = webFormBody(values, !!before);
    Object.assign(errors, await validateDto(before ? UpdateWebFormDto : CreateWebFormDto, body));
    if (Object.keys(errors).length) return null;
    saving.value = true;
    try {
      let saved: WebFormDto;
      if (!before) saved = await webFormsApi.create(body as CreateWebFormDto);
      else {
        const result = await saveVersioned(() => webFormsApi.update(before.id, before.version, body as UpdateWebFormDto), { reload: () => list.reload() });
        if (!result.ok) return null;
        saved = result.value;
      }
      open.value = false;
      if (before) replace(saved);
      else await list.reload();
      return saved;
    } catch (error) {
      if (isApiProblemError(error) && error.errors.length) {
        for (const { field, message, rule } of error.errors) errors[field.replace(/^body\./, '')] ??= ruleMessage(rule, message);
        return null;
      }
      throw error;
    } finally {
      saving.value = false;
    }
  }

  async function regenerateKey(form: WebFormDto): Promise<WebFormDto> {
    const saved = await webFormsApi.regenerateKey(form.id, form.version);
    replace(saved);
    return saved;
  }

  async function remove(form: WebFormDto) {
    await webFormsApi.remove(form.id);
    await list.reload();
  }

  return { filters, query, ...list, customFields, open, saving, editing, values, errors, loadCustomFields, openCreate, openEdit, submit, regenerateKey, remove };
}
