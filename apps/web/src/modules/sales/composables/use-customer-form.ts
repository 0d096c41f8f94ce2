import { computed, reactive, ref, shallowRef } from 'vue';
import {
  CreateCustomerDto,
  CustomerKind,
  CustomerSource,
  LifecycleStage,
  UpdateCustomerDto,
  type CustomerDto,
  type CustomerGrade,
  type DuplicateCandidateDto,
} from '@kehu/contracts';
import { isApiProblemError } from '@kehu/api-client';
import { problemExtension } from '@/core/api';
import { saveVersioned } from '@/core/concurrency';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { withoutBlanks } from '@/core/forms/validate-dto';
import { i18n } from '@/i18n';
import { customersApi } from '../api/customers.api';
import { customFieldsBody, formValues, validateCustomFields, type CustomFieldValue } from '../models/custom-field-values';
import { useCustomFieldsStore } from '../stores/custom-fields.store';

export interface CustomerFormValues {
  kind: CustomerKind;
  name: string;
  shortName: string;
  industry: string;
  province: string;
  city: string;
  address: string;
  website: string;
  phone: string;
  email: string;
  source: CustomerSource | '';
  lifecycleStage: LifecycleStage;
  grade: CustomerGrade | '';
  tags: string[];
  nextFollowUpOn: string;
  /** The customer who referred this one ('' = nobody): it earns referral value in analytics. */
  referredByCustomerId: string;
}

const fields = ['kind', 'name', 'shortName', 'industry', 'province', 'city', 'address', 'website', 'phone', 'email', 'source', 'lifecycleStage', 'grade', 'tags', 'nextFollowUpOn', 'referredByCustomerId'] as const;
type Field = (typeof fields)[number];
/** Fields that may be cleared on edit (sent as null when blank). */
const clearable = ['shortName', 'industry', 'province', 'city', 'address', 'website', 'phone', 'email', 'grade', 'nextFollowUpOn', 'referredByCustomerId'] as const;

const blank = (): CustomerFormValues => ({
  kind: CustomerKind.COMPANY,
  name: '',
  shortName: '',
  industry: '',
  province: '',
  city: '',
  address: '',
  website: '',
  phone: '',
  email: '',
  source: '',
  lifecycleStage: LifecycleStage.PROSPECT,
  grade: '',
  tags: [],
  nextFollowUpOn: '',
  referredByCustomerId: '',
});

/** What the form shows from a stored customer. */
export function valuesOf(customer: CustomerDto): CustomerFormValues {
  const text = (v: string | null) => v ?? '';
  return {
    kind: customer.kind,
    name: customer.name,
    shortName: text(customer.shortName),
    industry: text(customer.industry),
    province: text(customer.province),
    city: text(customer.city),
    address: text(customer.address),
    website: text(customer.website),
    phone: text(customer.phone),
    email: text(customer.email),
    source: customer.source,
    lifecycleStage: customer.lifecycleStage,
    grade: customer.grade ?? '',
    tags: [...customer.tags],
    nextFollowUpOn: text(customer.nextFollowUpOn),
    referredByCustomerId: text(customer.referredByCustomerId),
  };
}

/** The create body: blanks left out (the server fills defaults). */
export function createBody(values: CustomerFormValues, customFields?: Record<string, unknown>): CreateCustomerDto {
  const dto = withoutBlanks({ ...values, tags: values.tags.length ? values.tags : undefined }) as CreateCustomerDto;
  return customFields ? { ...dto, customFields } : dto;
}

/** The update body: only changed fields; a cleared field is sent as null. */
export function updateBody(values: CustomerFormValues, before: CustomerDto, customFields?: Record<string, unknown>): UpdateCustomerDto {
  const old = valuesOf(before);
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (JSON.stringify(values[field]) === JSON.stringify(old[field])) continue;
    const value = values[field];
    out[field] = value === '' && (clearable as readonly string[]).includes(field) ? null : value;
  }
  if (customFields) out.customFields = customFields;
  return out as UpdateCustomerDto;
}

/** The 409 DUPLICATE_SUSPECTED answer: who the server thinks this customer already is. */
export function duplicateCandidates(error: unknown): DuplicateCandidateDto[] | null {
  if (!isApiProblemError(error) || error.status !== 409 || error.code !== 'DUPLICATE_SUSPECTED') return null;
  return problemExtension<DuplicateCandidateDto[]>(error, 'candidates') ?? [];
}

/** Reads each candidate; those outside the user's data scope answer 404 and are left out. */
async function visibleRecords(candidates: readonly DuplicateCandidateDto[]): Promise<Map<string, CustomerDto>> {
  const found = await Promise.all(candidates.map((c) => customersApi.get(c.id).catch(() => null)));
  return new Map(found.filter((c): c is CustomerDto => c !== null).map((c) => [c.id, c]));
}

/**
 * The create / edit customer dialog: values checked with CreateCustomerDto / UpdateCustomerDto
 * (the server's rules) and custom fields by their definitions. A suspected duplicate stops the
 * save and lists the candidates; "create anyway" repeats it with allowDuplicate. Edits are sent
 * with If-Match; a 412 reloads the customer into the form.
 */
export function useCustomerForm() {
  const customFieldDefs = useCustomFieldsStore();
  const open = ref(false);
  const saving = ref(false);
  const editing = shallowRef<CustomerDto | null>(null);
  const values = reactive(blank());
  const custom = ref<Record<string, CustomFieldValue>>({});
  const customErrors = ref<Record<string, string>>({});
  const candidates = ref<DuplicateCandidateDto[] | null>(null);
  /** Candidates the user can see (GET answers), by id: only these can be opened or merged into. */
  const candidateRecords = shallowRef(new Map<string, CustomerDto>());
  const createForm = useDtoForm<Field>(CreateCustomerDto, fields);
  const updateForm = useDtoForm<Field>(UpdateCustomerDto, fields);
  createForm.track(values);
  updateForm.track(values);
  const mode = computed(() => (editing.value ? 'edit' : 'create'));
  const form = computed(() => (editing.value ? updateForm : createForm));
  const errors = computed(() => form.value.errors);

  function fill(customer: CustomerDto | null): void {
    editing.value = customer;
    Object.assign(values, blank(), customer ? valuesOf(customer) : {});
    custom.value = formValues(customFieldDefs.customer, customer?.customFields ?? {});
    customErrors.value = {};
    candidates.value = null;
  }

  async function openCreate(preset: Partial<CustomerFormValues> = {}): Promise<void> {
    await customFieldDefs.ensureLoaded().catch(() => undefined);
    fill(null);
    Object.assign(values, preset);
    createForm.clear();
    open.value = true;
  }

  async function openEdit(customer: CustomerDto): Promise<void> {
    await customFieldDefs.ensureLoaded().catch(() => undefined);
    fill(customer);
    updateForm.clear();
    open.value = true;
  }

  function checkCustom(): boolean {
    const problems = validateCustomFields(customFieldDefs.customer, custom.value);
    const t = i18n.global.t;
    customErrors.value = Object.fromEntries(Object.entries(problems).map(([key, problem]) => [key, t(`sales.customFields.problems.${problem}`)]));
    return Object.keys(problems).length === 0;
  }

  /**
   * Resolves the saved customer, or null when the dialog stays open (invalid, a suspected
   * duplicate — then `candidates` is set — or reloaded after 412).
   */
  async function submit(allowDuplicate = false): Promise<CustomerDto | null> {
    const before = editing.value;
    const cf = customFieldsBody(customFieldDefs.customer, custom.value, before ? 'update' : 'create', before?.customFields);
    const dto = before ? updateBody(values, before, cf) : createBody(values, cf);
    const valid = await form.value.check(dto);
    if (!checkCustom() || !valid) return null;
    saving.value = true;
    candidates.value = null;
    try {
      if (!before) return await customersApi.create(dto as CreateCustomerDto, allowDuplicate);
      if (!Object.keys(dto).length) return before;
      const result = await saveVersioned(() => customersApi.update(before.id, before.version, dto as UpdateCustomerDto, allowDuplicate), {
        reload: async () => fill(await customersApi.get(before.id)),
      });
      return result.ok ? result.value : null;
    } catch (error) {
      const found = duplicateCandidates(error);
      if (found) {
        candidateRecords.value = await visibleRecords(found);
        candidates.value = found;
        return null;
      }
      if (form.value.applyServer(error)) return null;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, mode, editing, values, custom, errors, customErrors, candidates, candidateRecords, openCreate, openEdit, submit, fill };
}
