import type { Router } from 'vue-router';
import { configureApiAuth } from './api';
import { useAuthStore } from '@/stores/auth.store';

/** Codes that mean "this token is no good", as opposed to a wrong password inside a form. */
const refreshableCodes = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'HTTP_ERROR']);

/**
 * Connects the API client to the auth store: bearer tokens on every call, one refresh on 401,
 * and back to the login page (returning here afterwards) when the session cannot be renewed.
 */
export function installApiAuth(router: Router): void {
  // The store is looked up per call, so this can be installed before the store exists.
  configureApiAuth({
    getAccessToken: () => useAuthStore().accessToken,
    async onUnauthorized({ token, problem }) {
      if (!refreshableCodes.has(problem.code)) return false;
      const auth = useAuthStore();
      if (await auth.refresh(token)) return true;
      auth.dehydrate();
      const current = router.currentRoute.value;
      // During the first navigation the route guard sends the user to login itself.
      if (current.matched.length && !current.meta.public) {
        await router.replace({ name: 'login', query: { redirect: current.fullPath } });
      }
      return false;
    },
  });
}
