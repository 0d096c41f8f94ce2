import type { NavigationGuardWithThis } from 'vue-router';
import { useAuthStore } from '@/stores/auth.store';
import { safeRedirect } from '@/core/safe-redirect';
import { canAccess } from './access';

/**
 * Signed-out users go to the login page (and come back afterwards); signed-in users get their
 * profile loaded once, and are kept out of modules their department does not use.
 */
export const authGuard: NavigationGuardWithThis<undefined> = async (to) => {
  const auth = useAuthStore();
  if (to.meta.public) {
    if (to.name === 'login' && auth.isAuthenticated) return safeRedirect(to.query.redirect);
    return true;
  }
  const toLogin = { name: 'login', query: { redirect: to.fullPath } };
  if (!auth.isAuthenticated) return toLogin;
  if (!auth.me) {
    try {
      await auth.hydrate();
    } catch (error) {
      // A session that could not be renewed ends here; anything else is a real failure.
      if (!auth.isAuthenticated) return toLogin;
      throw error;
    }
  }
  if (!canAccess(to.meta, { modules: auth.modules, roles: auth.roles, permissions: auth.permissions })) return { name: 'dashboard' };
  return true;
};
