import { ResponseField } from './fields.decorator';
import { ErrorCode } from './error-code.enum';

/** One failed rule of one input field. */
export class FieldErrorDto {
  /** Dotted path of the field in the request (`contacts.0.email`, `query.limit`). */
  @ResponseField({ example: 'name' })
  field: string;

  /** Human-readable message (English). */
  @ResponseField({ example: 'name must be shorter than or equal to 200 characters' })
  message: string;

  /** The rule that failed (`maxLength`, `isEmail`, `whitelistValidation`, …). */
  @ResponseField({ example: 'maxLength' })
  rule: string;
}

/** RFC 9457 problem details; every error response has this shape (`application/problem+json`). */
export class ProblemDto {
  @ResponseField({ example: 'https://kehu.dev/problems/validation-failed' })
  type: string;

  @ResponseField({ example: 'Validation failed' })
  title: string;

  @ResponseField({ example: 400 })
  status: number;

  @ResponseField({ optional: true, example: 'name must be shorter than or equal to 200 characters' })
  detail?: string;

  /** Stable code to switch on. */
  @ResponseField({ example: ErrorCode.VALIDATION_FAILED, description: 'Stable error code; see ErrorCode for the list.' })
  code: string;

  /** The request path. */
  @ResponseField({ optional: true, example: '/api/v1/customers' })
  instance?: string;

  /** Request id, also sent as `X-Request-Id`; quote it when reporting a problem. */
  @ResponseField({ optional: true })
  requestId?: string;

  @ResponseField({ optional: true, type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
