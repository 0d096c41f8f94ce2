import { ErrorCode } from '@kehu/contracts';

export interface FieldError {
  field: string;
  message: string;
  rule: string;
}

export interface DomainExceptionOptions {
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Extra members added to the problem body (e.g. duplicate candidates). */
  extensions?: Record<string, unknown>;
  /** For domain codes that core does not know: the HTTP status to answer with. */
  status?: number;
}

/**
 * A business-rule failure with a stable code and no HTTP knowledge in the thrower.
 * Core codes map to statuses in `problem-status.ts`; domain modules pass `status`
 * through their own exception helpers.
 */
export class DomainException extends Error {
  constructor(
    public readonly code: ErrorCode | string,
    public readonly detail?: string,
    public readonly options: DomainExceptionOptions = {},
  ) {
    super(detail ?? code);
  }

  static notFound(entity: string): DomainException {
    return new DomainException(ErrorCode.NOT_FOUND, `${entity} not found.`);
  }
}

/** 400 VALIDATION_FAILED naming one field: for rules a DTO cannot express (cross-field, lookups). */
export const fieldError = (field: string, rule: string, message: string): DomainException =>
  new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field, rule, message }] });
