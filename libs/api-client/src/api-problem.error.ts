import type { components } from './generated/schema';

export type Problem = components['schemas']['ProblemDto'];
export type FieldError = components['schemas']['FieldErrorDto'];

/**
 * A non-2xx answer of the Kehu API, carrying its RFC 9457 problem details.
 * Callers switch on `code` (stable), show `detail ?? title`, and map `errors[]` to fields.
 */
export class ApiProblemError extends Error {
  /** Lets `isApiProblemError` work across bundles where `instanceof` would not. */
  readonly isApiProblem = true as const;
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly type: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors: FieldError[];
  readonly requestId?: string;
  /** Seconds from the `Retry-After` header (429 and 503 answers). */
  readonly retryAfter?: number;
  /** Members beyond RFC 9457's (e.g. `candidates` of DUPLICATE_SUSPECTED, counts of DEPARTMENT_NOT_EMPTY). */
  readonly extensions: Record<string, unknown>;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblemError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.type = problem.type;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
    this.retryAfter = retryAfter;
    const known = new Set(['type', 'title', 'status', 'detail', 'code', 'instance', 'errors', 'requestId']);
    this.extensions = Object.fromEntries(Object.entries(problem).filter(([k]) => !known.has(k)));
  }

  /** Reads a failed response; answers that are not problem+json (a proxy's 502 page) get a synthetic problem. */
  static async fromResponse(response: Response): Promise<ApiProblemError> {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    const requestId = response.headers.get('X-Request-Id') ?? undefined;
    const contentType = response.headers.get('Content-Type') ?? '';
    if (/[/+]json\b/.test(contentType)) {
      try {
        const body = (await response.json()) as Partial<Problem>;
        if (body && typeof body === 'object' && typeof body.title === 'string') {
          return new ApiProblemError(
            { type: 'about:blank', code: 'HTTP_ERROR', requestId, ...body, status: body.status ?? response.status, title: body.title },
            retryAfter,
          );
        }
      } catch {
        // fall through to the synthetic problem
      }
    }
    const title = response.statusText || `HTTP ${response.status}`;
    return new ApiProblemError({ type: 'about:blank', title, status: response.status, code: 'HTTP_ERROR', requestId }, retryAfter);
  }
}

export function isApiProblemError(error: unknown): error is ApiProblemError {
  return typeof error === 'object' && error !== null && (error as { isApiProblem?: unknown }).isApiProblem === true;
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
