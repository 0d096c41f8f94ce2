import { createKehuClient, type UnauthorizedContext } from '@kehu/api-client';

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

/** The one API client of the SPA; same origin (the API serves the SPA, Vite proxies /api). */
export const api = createKehuClient({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  getAccessToken: () => hooks?.getAccessToken() ?? null,
  onUnauthorized: (context) => hooks?.onUnauthorized(context) ?? Promise.resolve(false),
});
