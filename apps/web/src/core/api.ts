import { ApiProblemError, createKehuClient, isApiProblemError, type UnauthorizedContext } from '@kehu/api-client';

export interface ApiAuthHooks {
  getAccessToken: () => string | null;
  onUnauthorized: (context: UnauthorizedContext) => Promise<boolean>;
}

// Set once at start-up (api-auth.ts); kept out of this module so the client does not
// import the auth store, which itself calls the client.
let hooks: ApiAuthHooks | undefined;

export function configureApiAuth(next: ApiAuthHooks | undefined): void {
  hooks = next;
}

/** Members every problem has; anything else in the body is an RFC 9457 extension (`candidates`). */
const standardMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'requestId']);
const extensionsOf = new WeakMap<object, Record<string, unknown>>();

/**
 * Fetch for the client that keeps a problem's extension members. `ApiProblemError` only
 * copies the standard ones, so a 409 DUPLICATE_SUSPECTED would lose its `candidates`; here the
 * error is built from the same response and its extensions remembered for `problemExtension`.
 * 401 answers pass through untouched: the client refreshes the token on those.
 */
async function fetchKeepingExtensions(request: Request): Promise<Response> {
  // Reads bypass the HTTP cache: some ETags stay the same while a record changes (a customer's
  // lastFollowUpAt moves without a new version), and a 304 would show the stale copy.
  const response = await globalThis.fetch(request.method === 'GET' ? new Request(request, { cache: 'no-store' }) : request);
  if (response.ok || response.status === 401 || !/[/+]json\b/.test(response.headers.get('Content-Type') ?? '')) return response;
  const error = await ApiProblemError.fromResponse(response.clone());
  try {
    const raw = (await response.json()) as Record<string, unknown>;
    const extensions = Object.fromEntries(Object.entries(raw ?? {}).filter(([key]) => !standardMembers.has(key)));
    if (Object.keys(extensions).length) extensionsOf.set(error, extensions);
  } catch {
    // not JSON after all: the error stands without extensions
  }
  throw error;
}

/** An extension member of an API problem (`problemExtension<Candidate[]>(error, 'candidates')`). */
export function problemExtension<T>(error: unknown, name: string): T | undefined {
  if (!isApiProblemError(error)) return undefined;
  return extensionsOf.get(error)?.[name] as T | undefined;
}

/** The one API client of the SPA; same origin (the API serves the SPA, Vite proxies /api). */
export const api = createKehuClient({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  getAccessToken: () => hooks?.getAccessToken() ?? null,
  onUnauthorized: (context) => hooks?.onUnauthorized(context) ?? Promise.resolve(false),
  fetch: fetchKeepingExtensions,
});
