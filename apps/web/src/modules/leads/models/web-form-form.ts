import { CustomerSource, WebFormOwnerMode, WebFormStandardField, type ContactChannel, type CreateWebFormDto, type UpdateWebFormDto, type WebFormDto } from '@kehu/contracts';

/** One row of the fields picker: shown or not, required or not, in display order. */
export interface WebFormFieldRow {
  key: string;
  shown: boolean;
  required: boolean;
}

export interface WebFormValues {
  name: string;
  enabled: boolean;
  fields: WebFormFieldRow[];
  source: CustomerSource;
  campaignId: string;
  ownerMode: WebFormOwnerMode;
  ownerId: string;
  consentText: string;
  consentChannels: ContactChannel[];
  allowedOrigins: string[];
  successMessage: string;
  redirectUrl: string;
}

const standard = Object.values(WebFormStandardField) as string[];
/** Shown on a new form: name (always required), company, phone, e-mail, message. */
const shownByDefault = ['personName', 'companyName', 'phone', 'email', 'notes'];

/** Every standard field and every active lead custom field (`cf.<key>`), the form's own first in its order. */
export function fieldRows(selected: { key: string; required: boolean }[], customKeys: string[]): WebFormFieldRow[] {
  const all = [...standard, ...customKeys.map((k) => `cf.${k}`)];
  const chosen = selected.map((f) => ({ key: f.key, shown: true, required: f.key === 'personName' || f.required }));
  return [...chosen, ...all.filter((k) => !selected.some((f) => f.key === k)).map((key) => ({ key, shown: false, required: false }))];
}

export const emptyWebForm = (customKeys: string[] = []): WebFormValues => ({
  name: '',
  enabled: true,
  fields: fieldRows(shownByDefault.map((key) => ({ key, required: key === 'personName' })), customKeys),
  source: CustomerSource.WEB_FORM,
  campaignId: '',
  ownerMode: WebFormOwnerMode.RULES,
  ownerId: '',
  consentText: '',
  consentChannels: [],
  allowedOrigins: [],
  successMessage: '',
  redirectUrl: '',
});

export const webFormValues = (form: WebFormDto, customKeys: string[] = []): WebFormValues => ({
  name: form.name,
  enabled: form.enabled,
  fields: fieldRows(form.fields, customKeys),
  source: form.source,
  campaignId: form.campaignId ?? '',
  ownerMode: form.ownerMode,
  ownerId: form.ownerId ?? '',
  consentText: form.consentText ?? '',
  consentChannels: [...form.consentChannels],
  allowedOrigins: [...form.allowedOrigins],
  successMessage: form.successMessage ?? '',
  redirectUrl: form.redirectUrl ?? '',
});

/** The body to send: shown fields in order (personName always required); empty texts cleared on edit, left out on create. */
export function webFormBody(values: WebFormValues, editing: boolean): CreateWebFormDto | UpdateWebFormDto {
  const text = (v: string) => (v.trim() ? v.trim() : editing ? null : undefined);
  const body = {
    name: values.name.trim(),
    enabled: values.enabled,
    fields: values.fields.filter((f) => f.shown).map((f) => ({ key: f.key, required: f.key === 'personName' || f.required })),
    source: values.source,
    campaignId: text(values.campaignId),
    ownerMode: values.ownerMode,
    ownerId: values.ownerMode === WebFormOwnerMode.FIXED ? text(values.ownerId) : editing ? null : undefined,
    consentText: text(values.consentText),
    consentChannels: values.consentChannels,
    allowedOrigins: values.allowedOrigins.map((o) => o.trim()).filter(Boolean),
    successMessage: text(values.successMessage),
    redirectUrl: text(values.redirectUrl),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as unknown as CreateWebFormDto;
}

/** Moves a field row up or down in the picker. */
export function moveField(rows: WebFormFieldRow[], index: number, by: -1 | 1): WebFormFieldRow[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
