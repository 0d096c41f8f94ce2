import { reactive, ref } from 'vue';
import { isApiProblemError } from '@kehu/api-client';
import { CreateLeadDto, CustomerSource, LeadStatus, UpdateLeadDto, type LeadDto, type LeadDuplicateCandidateDto } from '@kehu/contracts';
import { problemExtension } from '@/core/api';
import { saveVersioned } from '@/core/concurrency';
import { ruleMessage } from '@/core/forms/rule-message';
import { validateDto } from '@/core/forms/validate-dto';
import { leadsApi } from '../api/leads.api';

export const leadTextFields = ['personName', 'companyName', 'title', 'phone', 'email', 'wechatId', 'province', 'city', 'industry', 'notes', 'disqualifiedReason'] as const;
type TextField = (typeof leadTextFields)[number];

export type LeadFormValues = Record<TextField, string> & { source: CustomerSource; status: LeadStatus };

const blank = (): LeadFormValues => ({
  ...(Object.fromEntries(leadTextFields.map((f) => [f, ''])) as Record<TextField, string>),
  source: CustomerSource.OTHER,
  status: LeadStatus.NEW,
});

/** Create: blanks left out. Edit: blanks clear (null); the reason only while disqualified. */
export function leadBody(values: LeadFormValues, editing: boolean): CreateLeadDto | UpdateLeadDto {
  const body: Record<string, unknown> = { source: values.source, status: values.status };
  for (const field of leadTextFields) {
    const value = values[field].trim();
    if (field === 'disqualifiedReason' && values.status !== LeadStatus.DISQUALIFIED) continue;
    if (value) body[field] = value;
    else if (editing && field !== 'personName') body[field] = null;
  }
  if (!editing || values.personName.trim()) body.personName = values.personName.trim();
  return body as CreateLeadDto | UpdateLeadDto;
}

/** The lead dialog: DTO-checked, with the 409 DUPLICATE_SUSPECTED candidates shown before "save anyway". */
export function useLeadForm() {
  const open = ref(false);
  const saving = ref(false);
  const editing = ref<LeadDto | null>(null);
  const values = reactive(blank());
  const errors = reactive<Record<string, string>>({});
  const candidates = ref<LeadDuplicateCandidateDto[]>([]);

  const clearErrors = () => Object.keys(errors).forEach((key) => delete errors[key]);

  function openCreate() {
    editing.value = null;
    Object.assign(values, blank());
    candidates.value = [];
    clearErrors();
    open.value = true;
  }

  function openEdit(lead: LeadDto) {
    editing.value = lead;
    Object.assign(values, blank(), Object.fromEntries(leadTextFields.map((f) => [f, lead[f] ?? ''])), { source: lead.source, status: lead.status });
    candidates.value = [];
    clearErrors();
    open.value = true;
  }

  /** Saves; `anyway` after the duplicates were shown. Resolves the lead, or null while the dialog stays. */
  async function submit(anyway = false): Promise<LeadDto | null> {
    clearErrors();
    const before = editing.value;
    const body = leadBody(values, !!before);
    Object.assign(errors, await validateDto(before ? UpdateLeadDto : CreateLeadDto, body));
    if (values.status === LeadStatus.DISQUALIFIED && !values.disqualifiedReason.trim()) errors.disqualifiedReason = ruleMessage('required', '');
    if (Object.keys(errors).length) return null;
    saving.value = true;
    try {
      let saved: LeadDto;
      if (!before) saved = await leadsApi.create(body as CreateLeadDto, anyway);
      else {
        const result = await saveVersioned(() => leadsApi.update(before.id, before.version, body as UpdateLeadDto, anyway), {
          reload: async () => openEdit(await leadsApi.get(before.id)),
        });
        if (!result.ok) return null;
        saved = result.value;
      }
      open.value = false;
      candidates.value = [];
      return saved;
    } catch (error) {
      if (isApiProblemError(error) && error.status === 409 && error.code === 'DUPLICATE_SUSPECTED') {
        candidates.value = problemExtension<LeadDuplicateCandidateDto[]>(error, 'candidates') ?? [];
        return null;
      }
      if (isApiProblemError(error) && error.errors.length) {
        for (const { field, message, rule } of error.errors) errors[field.replace(/^body\./, '')] ??= ruleMessage(rule, message);
        return null;
      }
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, editing, values, errors, candidates, openCreate, openEdit, submit };
}
