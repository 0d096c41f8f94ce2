import type { App } from 'vue';
import { isApiProblemError } from '@kehu/api-client';
import { i18n } from '@/i18n';
import { useAuthStore } from '@/stores/auth.store';
import { problemMessage } from './problem-message';

/** The message a user sees for an error no page handled. */
export function messageFor(error: unknown): string | null {
  const t = i18n.global.t;
  if (isApiProblemError(error)) {
    // A failed refresh already sent the user to the login page; say why once, there.
    if (error.status === 401 && !useAuthStore().isAuthenticated) return t('errors.sessionExpired');
    return problemMessage(error);
  }
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return t('errors.network');
  return null;
}

function show(error: unknown): boolean {
  const message = messageFor(error);
  // Element Plus stays out of the entry chunk: the toast module comes with the first use.
  if (message) void import('./toast').then(({ toastError }) => toastError(message));
  return message !== null;
}

/** Toasts API errors that reach the top: thrown in components, or rejected promises nobody awaited. */
export function installErrorToasts(app: App): void {
  const previous = app.config.errorHandler;
  app.config.errorHandler = (error, instance, info) => {
    if (show(error)) return;
    if (previous) previous(error, instance, info);
    else console.error(error);
  };
  window.addEventListener('unhandledrejection', (event) => {
    if (show(event.reason)) event.preventDefault();
  });
}
