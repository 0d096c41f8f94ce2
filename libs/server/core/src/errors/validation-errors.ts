import type { ValidationError } from 'class-validator';
import { ErrorCode } from '@kehu/contracts';
import { DomainException, type FieldError } from './domain.exception';

/** Flattens class-validator's tree into one entry per failed rule, with dotted field paths. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({ field, rule, message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** exceptionFactory for the global ValidationPipe. */
export function validationException(errors: ValidationError[]): DomainException {
  const fieldErrors = flattenValidationErrors(errors);
  const detail = fieldErrors.map((e) => e.message).join('; ');
  return new DomainException(ErrorCode.VALIDATION_FAILED, detail, { errors: fieldErrors });
}
