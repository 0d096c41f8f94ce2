import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainException, flattenValidationErrors, type FieldError } from '@kehu/server-core';

/** The API's body validation (same DTO class, same options as the global ValidationPipe) for one CSV row. */
export function validateRow<T extends object>(dto: new () => T, input: Record<string, unknown>): { value: T } | { errors: FieldError[] } {
  const value = plainToInstance(dto, input);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length ? { errors: flattenValidationErrors(errors) } : { value };
}

/** The field errors a domain rule threw (normalisation, custom fields); anything else is not a row problem and rethrows. */
export function rowErrors(err: unknown): FieldError[] {
  if (err instanceof DomainException) return err.options.errors?.length ? err.options.errors : [{ field: 'row', rule: String(err.code), message: err.detail ?? String(err.code) }];
  throw err;
}
