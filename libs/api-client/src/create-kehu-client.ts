import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/schema';
import { ApiProblemError } from './api-problem.error';

export type KehuClient = Client<paths>;

export interface UnauthorizedContext {
  /** The access token the rejected request carried. */
  token: string;
  problem: ApiProblemError;
}

export interface KehuClientOptions {
  /** Origin of the API, e.g. `https://crm.example.com`; the paths already start with `/api`. */
  baseUrl: string;
  /** Current access token, if any; read before every request so refreshed tokens apply at once. */
  getAccessToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /**
   * Called when a request that carried a token answers 401. Resolve `true` after obtaining a
   * new token (the request is then retried once with it), `false` to let the 401 be thrown.
   */
  onUnauthorized?: (context: UnauthorizedContext) => boolean | Promise<boolean>;
  /** Fetch implementation; defaults to the global `fetch`, looked up per call. */
  fetch?: (request: Request) => Promise<Response>;
}

/** Token endpoints answer 401 for bad credentials; refreshing there would loop. */
const noRefreshPaths = /\/auth\/(login|refresh)$/;

/**
 * A typed client for the Kehu REST API. Adds `Authorization: Bearer`, retries once after a
 * successful `onUnauthorized`, and throws every non-2xx answer as an `ApiProblemError`, so a
 * resolved call always means success.
 */
export function createKehuClient(options: KehuClientOptions): KehuClient {
  const baseFetch = (request: Request) => (options.fetch ?? globalThis.fetch)(request);

  async function send(request: Request): Promise<Response> {
    const token = (await options.getAccessToken?.()) || undefined;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    const canRetry = token && options.onUnauthorized && !noRefreshPaths.test(new URL(request.url).pathname);
    // The body of a sent request is consumed; keep a copy for the one retry.
    const spare = canRetry ? request.clone() : undefined;
    let response = await baseFetch(request);

    if (response.status === 401 && spare && token) {
      const problem = await ApiProblemError.fromResponse(response.clone());
      if (await options.onUnauthorized!({ token, problem })) {
        const fresh = (await options.getAccessToken?.()) || undefined;
        if (fresh) spare.headers.set('Authorization', `Bearer ${fresh}`);
        else spare.headers.delete('Authorization');
        response = await baseFetch(spare);
      }
    }
    if (!response.ok) throw await ApiProblemError.fromResponse(response);
    return response;
  }

  return createClient<paths>({ baseUrl: options.baseUrl, fetch: send });
}

/**
 * Resolves a client call to its response body. Failures are already thrown by the client,
 * so this only narrows the type; use it for calls that return a body (not 204).
 */
export async function unwrap<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}
