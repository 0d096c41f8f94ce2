import { CustomFieldType, ErrorCode } from '@kehu/contracts';
import { DomainException, type FieldError } from '@kehu/server-core';
import type { CustomFieldDefinition } from './custom-field.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One value checked and normalised against its definition; an error message when it does not fit. */
function check(def: CustomFieldDefinition, value: unknown): { value: unknown } | { error: string } {
  switch (def.type as CustomFieldType) {
    case CustomFieldType.TEXT:
      return typeof value === 'string' && value.length <= 1000 ? { value: value.trim() } : { error: 'must be text of at most 1000 characters' };
    case CustomFieldType.NUMBER:
    case CustomFieldType.MONEY:
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e15 ? { value: def.type === CustomFieldType.MONEY ? Math.round(value * 100) / 100 : value } : { error: 'must be a number' };
    case CustomFieldType.DATE:
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? { value } : { error: 'must be a date YYYY-MM-DD' };
    case CustomFieldType.BOOLEAN:
      return typeof value === 'boolean' ? { value } : { error: 'must be true or false' };
    case CustomFieldType.SINGLE_SELECT:
      return typeof value === 'string' && def.options.includes(value) ? { value } : { error: `must be one of ${def.options.join(', ')}` };
    case CustomFieldType.MULTI_SELECT:
      return Array.isArray(value) && value.length <= 100 && value.every((v) => typeof v === 'string' && def.options.includes(v))
        ? { value: [...new Set(value as string[])] }
        : { error: `must be a list of ${def.options.join(', ')}` };
    default:
      return { error: 'has an unknown type' };
  }
}

/**
 * Validates `customFields` against the active definitions: unknown keys, wrong types and
 * missing required values answer 400 naming `customFields.<key>`. On update only the sent
 * keys change and null removes a value.
 */
export function applyCustomFields(
  defs: CustomFieldDefinition[],
  current: Record<string, unknown>,
  input: Record<string, unknown> | undefined,
  mode: 'create' | 'update',
): Record<string, unknown> {
  const byKey = new Map(defs.filter((d) => d.active).map((d) => [d.key, d]));
  const out: Record<string, unknown> = { ...current };
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(input ?? {})) {
    const def = byKey.get(key);
    const field = `customFields.${key}`;
    if (!def) {
      errors.push({ field, rule: 'customField', message: `${field} is not a defined custom field` });
      continue;
    }
    if (value === null || value === '') {
      delete out[key];
      continue;
    }
    const result = check(def, value);
    if ('error' in result) errors.push({ field, rule: def.type, message: `${field} ${result.error}` });
    else out[key] = result.value;
  }
  for (const def of byKey.values()) {
    const missing = out[def.key] === undefined;
    if (def.required && missing && (mode === 'create' || (input && def.key in input))) {
      errors.push({ field: `customFields.${def.key}`, rule: 'required', message: `customFields.${def.key} is required` });
    }
  }
  if (errors.length) throw new DomainException(ErrorCode.VALIDATION_FAILED, errors.map((e) => e.message).join('; '), { errors });
  return out;
}
