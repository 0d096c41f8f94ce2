import { CustomFieldType, type CustomFieldDto } from '@kehu/contracts';

/** What a form holds per custom field: text/date/select as string, numbers as number|null, multi as string[], boolean. */
export type CustomFieldValue = string | number | boolean | string[] | null;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Definitions shown in forms and tables, in the admins' order. */
export const activeFields = (fields: readonly CustomFieldDto[]): CustomFieldDto[] =>
  fields.filter((f) => f.active).sort((a, b) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label));

/** The empty form value of a field. */
export function blankValue(field: CustomFieldDto): CustomFieldValue {
  switch (field.type) {
    case CustomFieldType.MULTI_SELECT:
      return [];
    case CustomFieldType.BOOLEAN:
      return false;
    case CustomFieldType.NUMBER:
    case CustomFieldType.MONEY:
      return null;
    default:
      return '';
  }
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Form values for the definitions, from a record's stored values (or blank). */
export function formValues(fields: readonly CustomFieldDto[], stored: Record<string, unknown> = {}): Record<string, CustomFieldValue> {
  return Object.fromEntries(
    activeFields(fields).map((field) => {
      const value = stored[field.key];
      if (isBlank(value)) return [field.key, blankValue(field)];
      if (field.type === CustomFieldType.MULTI_SELECT) return [field.key, Array.isArray(value) ? value.map(String) : [String(value)]];
      if (field.type === CustomFieldType.NUMBER || field.type === CustomFieldType.MONEY) return [field.key, Number(value)];
      if (field.type === CustomFieldType.BOOLEAN) return [field.key, value === true || value === 'true'];
      return [field.key, String(value)];
    }),
  );
}

export type CustomFieldProblem = 'required' | 'number' | 'date' | 'option';

/** The first rule each value breaks (the server checks the same ones); empty when all pass. */
export function validateCustomFields(fields: readonly CustomFieldDto[], values: Record<string, CustomFieldValue>): Record<string, CustomFieldProblem> {
  const problems: Record<string, CustomFieldProblem> = {};
  for (const field of activeFields(fields)) {
    const value = values[field.key];
    if (isBlank(value)) {
      if (field.required) problems[field.key] = 'required';
      continue;
    }
    switch (field.type) {
      case CustomFieldType.NUMBER:
      case CustomFieldType.MONEY:
        if (typeof value !== 'number' || !Number.isFinite(value)) problems[field.key] = 'number';
        break;
      case CustomFieldType.DATE:
        if (typeof value !== 'string' || !datePattern.test(value) || Number.isNaN(Date.parse(value))) problems[field.key] = 'date';
        break;
      case CustomFieldType.SINGLE_SELECT:
        if (!field.options.includes(String(value))) problems[field.key] = 'option';
        break;
      case CustomFieldType.MULTI_SELECT:
        if (!Array.isArray(value) || value.some((v) => !field.options.includes(v))) problems[field.key] = 'option';
        break;
    }
  }
  return problems;
}

/**
 * The `customFields` object to send. On create blanks are left out; on update a blank value is
 * sent as null (it clears the stored one) and untouched keys are left out.
 */
export function customFieldsBody(
  fields: readonly CustomFieldDto[],
  values: Record<string, CustomFieldValue>,
  mode: 'create' | 'update',
  stored: Record<string, unknown> = {},
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const field of activeFields(fields)) {
    const value = values[field.key];
    // An untouched switch is no answer, unless the field must have one.
    const unansweredSwitch = field.type === CustomFieldType.BOOLEAN && value === false && !field.required && (mode === 'create' || isBlank(stored[field.key]));
    const blank = isBlank(value) || unansweredSwitch;
    if (mode === 'create') {
      if (!blank) out[field.key] = value;
    } else if (blank) {
      if (!isBlank(stored[field.key])) out[field.key] = null;
    } else if (JSON.stringify(value) !== JSON.stringify(stored[field.key])) {
      out[field.key] = value;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** A stored value for display (`—` when none). */
export function displayValue(field: CustomFieldDto | undefined, value: unknown, labels: { yes: string; no: string }): string {
  if (isBlank(value)) return '—';
  if (Array.isArray(value)) return value.join(', ');
  if (field?.type === CustomFieldType.BOOLEAN || typeof value === 'boolean') return value === true || value === 'true' ? labels.yes : labels.no;
  if (field?.type === CustomFieldType.MONEY && typeof value === 'number') return value.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(value);
}
