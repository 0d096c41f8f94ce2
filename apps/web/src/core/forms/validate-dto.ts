import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { i18n } from '@/i18n';
import { ruleMessage } from './rule-message';

/**
 * Validates form values with a DTO class from `@kehu/contracts`: the same class-validator
 * rules (and trimming transforms) the API applies. Returns field → message; empty when valid.
 */
export async function validateDto<T extends object>(dto: new () => T, values: object): Promise<Record<string, string>> {
  const instance = plainToInstance(dto, values);
  const errors = await validate(instance, { forbidUnknownValues: false });
  const result: Record<string, string> = {};
  for (const error of flatten(errors)) {
    if (!result[error.path]) result[error.path] = messageFor(error.value, error.constraints);
  }
  return result;
}

/** Drops empty strings, so optional fields left blank are omitted (as the API expects). */
export function withoutBlanks<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined)) as Partial<T>;
}

interface FlatError {
  path: string;
  value: unknown;
  constraints: Record<string, string>;
}

function flatten(errors: ValidationError[], prefix = ''): FlatError[] {
  return errors.flatMap((e) => {
    const path = prefix + e.property;
    const own = e.constraints ? [{ path, value: e.value, constraints: e.constraints }] : [];
    return [...own, ...flatten(e.children ?? [], `${path}.`)];
  });
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** "Required" for a blank value, our translation of the first failed rule, else class-validator's English. */
function messageFor(value: unknown, constraints: Record<string, string>): string {
  const t = i18n.global;
  if (isBlank(value)) return t.t('errors.rules.required');
  const [rule, message] = Object.entries(constraints)[0] ?? ['', t.t('errors.unexpected')];
  return ruleMessage(rule, message);
}
