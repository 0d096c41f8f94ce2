import { reactive, ref } from 'vue';
import { isApiProblemError } from '@kehu/api-client';
import { ConvertLeadDto, type DuplicateCandidateDto, type LeadAlreadyConvertedDto, type LeadConversionDto, type LeadDto } from '@kehu/contracts';
import { problemExtension } from '@/core/api';
import { saveVersioned } from '@/core/concurrency';
import { validateDto } from '@/core/forms/validate-dto';
import { leadsApi } from '../api/leads.api';
import { convertRequest, defaultConvertChoice, type ConvertChoice } from '../models/convert-body';

/** The convert dialog: likely duplicate customers to link, or the ids of an earlier conversion. */
export function useConvertLead() {
  const open = ref(false);
  const saving = ref(false);
  const lead = ref<LeadDto | null>(null);
  const choice = reactive<ConvertChoice>(defaultConvertChoice({ personName: '', companyName: null }));
  const errors = reactive<Record<string, string>>({});
  const candidates = ref<DuplicateCandidateDto[]>([]);
  const already = ref<Partial<LeadAlreadyConvertedDto> | null>(null);

  function start(target: LeadDto) {
    lead.value = target;
    Object.assign(choice, defaultConvertChoice(target));
    Object.keys(errors).forEach((key) => delete errors[key]);
    candidates.value = [];
    already.value = null;
    open.value = true;
  }

  async function submit(): Promise<LeadConversionDto | null> {
    const current = lead.value;
    if (!current) return null;
    Object.keys(errors).forEach((key) => delete errors[key]);
    const { body, allowDuplicate } = convertRequest(choice, candidates.value.length > 0);
    Object.assign(errors, await validateDto(ConvertLeadDto, body));
    if (choice.customer === 'link' && !choice.customerId) errors.customerId = ' ';
    if (Object.keys(errors).length) return null;
    saving.value = true;
    try {
      const result = await saveVersioned(() => leadsApi.convert(current.id, current.version, body, allowDuplicate), {
        reload: async () => (lead.value = await leadsApi.get(current.id)),
      });
      if (!result.ok) return null;
      open.value = false;
      return result.value;
    } catch (error) {
      if (isApiProblemError(error) && error.status === 409 && error.code === 'DUPLICATE_SUSPECTED') {
        candidates.value = problemExtension<DuplicateCandidateDto[]>(error, 'candidates') ?? [];
        if (candidates.value.length) {
          choice.customer = 'link';
          choice.customerId = candidates.value[0].id;
        }
        return null;
      }
      if (isApiProblemError(error) && error.status === 409 && error.code === 'LEAD_ALREADY_CONVERTED') {
        already.value = {
          customerId: problemExtension<string>(error, 'customerId'),
          contactId: problemExtension<string | null>(error, 'contactId') ?? null,
          opportunityId: problemExtension<string | null>(error, 'opportunityId') ?? null,
          convertedAt: problemExtension<string>(error, 'convertedAt'),
        };
        return null;
      }
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, lead, choice, errors, candidates, already, start, submit };
}
