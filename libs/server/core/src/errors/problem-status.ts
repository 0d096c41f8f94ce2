import { ErrorCode } from '@kehu/contracts';
import { assertUnreachable } from '../auth/scope-filter';

/** The single mapping from core error codes to HTTP status. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.VALIDATION_FAILED:
    case ErrorCode.MALFORMED_REQUEST:
    case ErrorCode.INVALID_CURSOR:
    case ErrorCode.PASSWORD_POLICY:
      return 400;
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.INVALID_CREDENTIALS:
    case ErrorCode.TOKEN_EXPIRED:
    case ErrorCode.ACCOUNT_DISABLED:
      return 401;
    case ErrorCode.FORBIDDEN:
    case ErrorCode.MODULE_DISABLED:
    case ErrorCode.DELEGATION_EXPIRED:
    case ErrorCode.SELF_APPROVAL:
      return 403;
    case ErrorCode.NOT_FOUND:
    case ErrorCode.ROUTE_NOT_FOUND:
      return 404;
    case ErrorCode.METHOD_NOT_ALLOWED:
      return 405;
    case ErrorCode.CONFLICT:
    case ErrorCode.ALREADY_EXISTS:
    case ErrorCode.ROLE_BUILT_IN:
    case ErrorCode.ROLE_IN_USE:
    case ErrorCode.DEPARTMENT_NOT_EMPTY:
    case ErrorCode.DUPLICATE_SUSPECTED:
    case ErrorCode.LEAD_ALREADY_CONVERTED:
    case ErrorCode.STAGE_IN_USE:
    case ErrorCode.POOL_NOT_EMPTY:
    case ErrorCode.LAST_ENABLED_POOL:
    case ErrorCode.CLAIM_DAILY_LIMIT:
    case ErrorCode.OWNER_CAPACITY_REACHED:
    case ErrorCode.LOCK_CAPACITY_REACHED:
    case ErrorCode.RECLAIM_COOLDOWN:
    case ErrorCode.CLAIM_WAITING_PERIOD:
    case ErrorCode.CUSTOMER_LOCKED:
    case ErrorCode.NOT_IN_POOL:
    case ErrorCode.PRODUCT_CODE_TAKEN: // revenue: products, orders, commissions
    case ErrorCode.ORDER_STATUS_TRANSITION:
    case ErrorCode.OPPORTUNITY_NOT_WON:
    case ErrorCode.STATEMENT_CONFIRMED:
    case ErrorCode.CONTRACT_STATUS_TRANSITION:
    case ErrorCode.CASE_STATUS_TRANSITION:
    case ErrorCode.ALREADY_RATED:
    case ErrorCode.KNOWLEDGE_STATUS_TRANSITION:
    case ErrorCode.WORK_ORDER_STATUS_TRANSITION:
    case ErrorCode.TECHNICIAN_BUSY:
    case ErrorCode.PAYMENT_EXCEEDS_DUE:
    case ErrorCode.INSTALMENT_HAS_PAYMENTS:
      return 409;
    case ErrorCode.PRECONDITION_FAILED:
      return 412;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.UNSUPPORTED_MEDIA_TYPE:
      return 415;
    case ErrorCode.PRECONDITION_REQUIRED:
      return 428;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.INTERNAL_ERROR:
      return 500;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    default:
      return assertUnreachable(code);
  }
}

const titles: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export const titleOf = (status: number): string => titles[status] ?? 'Error';

/** `VALIDATION_FAILED` → `https://kehu.dev/problems/validation-failed` */
export const typeOf = (code: string): string => `https://kehu.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
