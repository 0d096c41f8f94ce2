import { fieldError } from '@kehu/server-core';

const currencies = new Set(Intl.supportedValuesOf('currency'));

export function checkCurrency(code: string | undefined, field = 'currency'): string | undefined {
  if (code !== undefined && !currencies.has(code)) throw fieldError(field, 'iso4217', `${field} must be an ISO 4217 code such as CNY`);
  return code;
}

/** PostgreSQL unique_violation on the named constraint/index. */
export const isUniqueViolation = (err: unknown, index: string): boolean => {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const d = e.driverError ?? e;
  return d.code === '23505' && d.constraint === index;
};
