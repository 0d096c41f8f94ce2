import { computed, ref, shallowRef } from 'vue';
import {
  ConsentStatus,
  ContactChannel,
  CreateContactDto,
  UpdateContactDto,
  type ContactConsentDto,
  type ContactDto,
  type ContactDuplicateCandidateDto,
  type SetContactConsentDto,
} from '@kehu/contracts';
import { isApiProblemError } from '@kehu/api-client';
import { problemExtension } from '@/core/api';
import { saveVersioned } from '@/core/concurrency';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { useKeysetList } from '@/core/lists/use-keyset-list';
import { contactsApi } from '../api/contacts.api';

/** A customer's contacts, primary first (the API sorts by name; we lift the primary). */
export function useContactsList(customerId: () => string) {
  const list = useKeysetList<ContactDto>((page) => contactsApi.list({ ...page, customerId: customerId(), sort: 'name' }), { count: false, pageSize: 50 });
  const sorted = computed(() => [...list.rows.value].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary)));
  return { ...list, sorted };
}

export interface ContactFormValues {
  name: string;
  title: string;
  department: string;
  /** One input per number; blanks are dropped on save. */
  phones: string[];
  emails: string[];
  wechatId: string;
  birthday: string;
  isPrimary: boolean;
  preferredChannel: ContactChannel | '';
  preferredHours: string;
  notes: string;
}

const fields = ['customerId', 'name', 'title', 'department', 'phones', 'emails', 'wechatId', 'birthday', 'isPrimary', 'preferredChannel', 'preferredHours', 'notes'] as const;
type Field = (typeof fields)[number];
const clearable = ['title', 'department', 'wechatId', 'birthday', 'preferredChannel', 'preferredHours', 'notes'] as const;

const blank = (): ContactFormValues => ({
  name: '',
  title: '',
  department: '',
  phones: [''],
  emails: [''],
  wechatId: '',
  birthday: '',
  isPrimary: false,
  preferredChannel: '',
  preferredHours: '',
  notes: '',
});

const filled = (items: string[]) => items.map((v) => v.trim()).filter(Boolean);

export function contactValuesOf(contact: ContactDto): ContactFormValues {
  return {
    name: contact.name,
    title: contact.title ?? '',
    department: contact.department ?? '',
    phones: contact.phones.length ? [...contact.phones] : [''],
    emails: contact.emails.length ? [...contact.emails] : [''],
    wechatId: contact.wechatId ?? '',
    birthday: contact.birthday ?? '',
    isPrimary: contact.isPrimary,
    preferredChannel: contact.preferredChannel ?? '',
    preferredHours: contact.preferredHours ?? '',
    notes: contact.notes ?? '',
  };
}

/** Create body: blanks out, empty phone / e-mail rows dropped. */
export function contactCreateBody(customerId: string, values: ContactFormValues): CreateContactDto {
  const out: Record<string, unknown> = { customerId, ...values, phones: filled(values.phones), emails: filled(values.emails) };
  for (const [key, value] of Object.entries(out)) if (value === '' || (Array.isArray(value) && !value.length)) delete out[key];
  if (!values.isPrimary) delete out.isPrimary;
  return out as unknown as CreateContactDto;
}

/** Update body: changed fields only; cleared ones as null. */
export function contactUpdateBody(values: ContactFormValues, before: ContactDto): UpdateContactDto {
  const next = { ...values, phones: filled(values.phones), emails: filled(values.emails) };
  const old = { ...contactValuesOf(before), phones: before.phones, emails: before.emails };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof ContactFormValues)[]) {
    if (JSON.stringify(next[key]) === JSON.stringify(old[key])) continue;
    out[key] = next[key] === '' && (clearable as readonly string[]).includes(key) ? null : next[key];
  }
  return out as UpdateContactDto;
}

/** Add / edit contact dialog, checked with the shared DTOs; a phone or e-mail another contact has asks before saving. */
export function useContactForm(customerId: () => string) {
  const open = ref(false);
  const saving = ref(false);
  const editing = shallowRef<ContactDto | null>(null);
  const values = ref<ContactFormValues>(blank());
  const candidates = ref<ContactDuplicateCandidateDto[] | null>(null);
  const createForm = useDtoForm<Field>(CreateContactDto, fields);
  const updateForm = useDtoForm<Field>(UpdateContactDto, fields);
  const form = computed(() => (editing.value ? updateForm : createForm));
  const mode = computed(() => (editing.value ? 'edit' : 'create'));

  function openCreate(): void {
    editing.value = null;
    values.value = blank();
    candidates.value = null;
    createForm.clear();
    open.value = true;
  }

  function openEdit(contact: ContactDto): void {
    editing.value = contact;
    values.value = contactValuesOf(contact);
    candidates.value = null;
    updateForm.clear();
    open.value = true;
  }

  async function submit(allowDuplicate = false): Promise<ContactDto | null> {
    const before = editing.value;
    const dto = before ? contactUpdateBody(values.value, before) : contactCreateBody(customerId(), values.value);
    if (!(await form.value.check(dto))) return null;
    saving.value = true;
    candidates.value = null;
    try {
      if (!before) return await contactsApi.create(dto as CreateContactDto, allowDuplicate);
      if (!Object.keys(dto).length) return before;
      const result = await saveVersioned(() => contactsApi.update(before.id, before.version, dto as UpdateContactDto, allowDuplicate), {
        reload: async () => openEdit(await contactsApi.get(before.id)),
      });
      return result.ok ? result.value : null;
    } catch (error) {
      if (isApiProblemError(error) && error.code === 'DUPLICATE_SUSPECTED') {
        candidates.value = problemExtension<ContactDuplicateCandidateDto[]>(error, 'candidates') ?? [];
        return null;
      }
      if (form.value.applyServer(error)) return null;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { open, saving, editing, mode, values, candidates, errors: computed(() => form.value.errors), openCreate, openEdit, submit };
}

/** Channels in the order the consent editor shows them. */
export const consentChannels = [ContactChannel.EMAIL, ContactChannel.PHONE, ContactChannel.SMS, ContactChannel.WECHAT, ContactChannel.POST] as const;

/** The channels whose status (or source) the user changed: the PUT body. */
export function changedConsents(before: readonly ContactConsentDto[], edited: Record<ContactChannel, { status: ConsentStatus; source: string }>): SetContactConsentDto[] {
  return consentChannels
    .filter((channel) => {
      const old = before.find((c) => c.channel === channel);
      return (old?.status ?? ConsentStatus.UNKNOWN) !== edited[channel].status;
    })
    .map((channel) => ({ channel, status: edited[channel].status, ...(edited[channel].source.trim() ? { source: edited[channel].source.trim() } : {}) }));
}

/** The consent editor of one contact: per channel a status and where it came from; saved with If-Match. */
export function useConsentEditor() {
  const contact = shallowRef<ContactDto | null>(null);
  const edited = ref({} as Record<ContactChannel, { status: ConsentStatus; source: string }>);
  const saving = ref(false);

  function start(target: ContactDto): void {
    contact.value = target;
    edited.value = Object.fromEntries(
      consentChannels.map((channel) => [channel, { status: target.consents.find((c) => c.channel === channel)?.status ?? ConsentStatus.UNKNOWN, source: '' }]),
    ) as Record<ContactChannel, { status: ConsentStatus; source: string }>;
  }

  /** The saved contact; null when nothing changed or after a 412 reload. */
  async function submit(): Promise<ContactDto | null> {
    const target = contact.value;
    if (!target) return null;
    const consents = changedConsents(target.consents, edited.value);
    if (!consents.length) return target;
    saving.value = true;
    try {
      const result = await saveVersioned(() => contactsApi.setConsents(target.id, target.version, consents), {
        reload: async () => start(await contactsApi.get(target.id)),
      });
      return result.ok ? result.value : null;
    } finally {
      saving.value = false;
    }
  }

  return { contact, edited, saving, start, submit };
}
