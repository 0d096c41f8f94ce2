import { CustomFieldType, ErrorCode, LeadLimits, WebFormLimits, type CreateLeadDto, type PublicWebFormFieldDto } from '@kehu/contracts';
import { DomainException, type FieldError } from '@kehu/server-core';
import type { CustomFieldDefinition } from '@kehu/server-customers';
import type { WebForm } from './web-form.entity';

/** Standard fields: default label (the form may override it), input type and length limit. */
const STANDARD: Record<string, { label: string; type: string; max: number }> = {
  personName: { label: '姓名', type: 'text', max: LeadLimits.personNameMaxLength },
  companyName: { label: '公司', type: 'text', max: LeadLimits.companyNameMaxLength },
  phone: { label: '手机', type: 'tel', max: LeadLimits.phoneMaxLength },
  email: { label: '邮箱', type: 'email', max: 254 },
  title: { label: '职务', type: 'text', max: LeadLimits.titleMaxLength },
  province: { label: '省份', type: 'text', max: LeadLimits.regionMaxLength },
  city: { label: '城市', type: 'text', max: LeadLimits.regionMaxLength },
  notes: { label: '留言', type: 'textarea', max: LeadLimits.notesMaxLength },
};

const INPUT_OF: Record<string, string> = {
  [CustomFieldType.TEXT]: 'text',
  [CustomFieldType.NUMBER]: 'number',
  [CustomFieldType.MONEY]: 'number',
  [CustomFieldType.DATE]: 'date',
  [CustomFieldType.BOOLEAN]: 'checkbox',
  [CustomFieldType.SINGLE_SELECT]: 'select',
  [CustomFieldType.MULTI_SELECT]: 'select',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TRUTHY = new Set(['on', 'true', '1', 'yes']);
/** More members than this in one body is not a person filling a form. */
const MAX_MEMBERS = 60;

/** The fields as the public sees them: names, labels, types; custom fields no longer active are left out. */
export function publicFields(form: WebForm, leadFields: CustomFieldDefinition[]): PublicWebFormFieldDto[] {
  const defs = new Map(leadFields.filter((d) => d.active).map((d) => [d.key, d]));
  return form.fields.flatMap((f) => {
    if (!f.key.startsWith('cf.')) return [{ name: f.key, label: f.label || STANDARD[f.key].label, required: f.required, type: STANDARD[f.key].type }];
    const def = defs.get(f.key.slice(3));
    if (!def) return [];
    const out: PublicWebFormFieldDto = { name: f.key, label: f.label || def.label, required: f.required, type: INPUT_OF[def.type] ?? 'text' };
    if (def.options.length) out.options = def.options;
    return [out];
  });
}

export interface ParsedSubmission {
  lead: CreateLeadDto;
  /** The consent box was ticked. */
  consent: boolean;
  /** The honeypot was filled: answer as if all went well, create nothing. */
  bot: boolean;
}

const text = (v: unknown): string | undefined => {
  if (Array.isArray(v)) v = v[0];
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? v.trim() : undefined;
};

/** A form-post string (or JSON value) as the custom field's type wants it; the capture validates it. */
function customValue(def: CustomFieldDefinition, raw: unknown): unknown {
  switch (def.type as CustomFieldType) {
    case CustomFieldType.NUMBER:
    case CustomFieldType.MONEY:
      return typeof raw === 'number' ? raw : Number(text(raw));
    case CustomFieldType.BOOLEAN:
      return typeof raw === 'boolean' ? raw : TRUTHY.has(String(text(raw)).toLowerCase());
    case CustomFieldType.MULTI_SELECT:
      return (Array.isArray(raw) ? raw : [raw]).map((v) => text(v)).filter(Boolean);
    default:
      return text(raw);
  }
}

/**
 * A submission (JSON or form-encoded) checked against the form: required fields present,
 * lengths and e-mail shape, custom fields converted from strings. Members the form does
 * not show are ignored (a submit button's name, tracking parameters). Field errors name
 * the submitted input (`companyName`, `cf.budget`).
 */
export function parseSubmission(form: WebForm, leadFields: CustomFieldDefinition[], body: unknown): ParsedSubmission {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new DomainException(ErrorCode.MALFORMED_REQUEST, 'Send the form fields as a JSON object or as application/x-www-form-urlencoded.');
  const input = body as Record<string, unknown>;
  if (Object.keys(input).length > MAX_MEMBERS) throw new DomainException(ErrorCode.MALFORMED_REQUEST, `At most ${MAX_MEMBERS} members per submission.`);
  const bot = !!text(input[WebFormLimits.honeypotField]);
  const consent = TRUTHY.has(String(text(input[WebFormLimits.consentField]) ?? '').toLowerCase()) || input[WebFormLimits.consentField] === true;
  const defs = new Map(leadFields.filter((d) => d.active).map((d) => [d.key, d]));
  const errors: FieldError[] = [];
  const lead: Record<string, unknown> = {};
  const customFields: Record<string, unknown> = {};
  for (const f of form.fields) {
    const raw = input[f.key];
    const value = text(raw);
    if (value === undefined || value === '' || (Array.isArray(raw) && !raw.length)) {
      if (f.required) errors.push({ field: f.key, rule: 'required', message: `${f.key} is required` });
      continue;
    }
    if (f.key.startsWith('cf.')) {
      const def = defs.get(f.key.slice(3));
      if (def) customFields[def.key] = customValue(def, raw);
      continue;
    }
    const spec = STANDARD[f.key];
    if (value.length > spec.max) errors.push({ field: f.key, rule: 'maxLength', message: `${f.key} must be at most ${spec.max} characters` });
    else if (f.key === 'email' && !EMAIL.test(value)) errors.push({ field: f.key, rule: 'isEmail', message: 'email must be an e-mail address' });
    else lead[f.key] = value;
  }
  if (errors.length && !bot) throw new DomainException(ErrorCode.VALIDATION_FAILED, errors.map((e) => e.message).join('; '), { errors });
  if (Object.keys(customFields).length) lead.customFields = customFields;
  return { lead: lead as unknown as CreateLeadDto, consent, bot };
}
