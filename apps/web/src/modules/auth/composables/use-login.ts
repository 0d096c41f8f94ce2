import { computed, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useI18n } from 'vue-i18n';
import { isApiProblemError } from '@kehu/api-client';
import { useAuthStore } from '@/stores/auth.store';
import { safeRedirect } from '@/core/safe-redirect';
import { useFieldErrors } from '@/core/forms/use-field-errors';
import { problemMessage } from '@/core/problem-message';
import { useCountdown } from './use-countdown';

const fields = ['email', 'password'] as const;

/** Signs in, then returns to the page that asked for it; failures become a message on the form. */
export function useLogin() {
  const { t } = useI18n();
  const route = useRoute();
  const router = useRouter();
  const auth = useAuthStore();
  const { fieldErrors, apply, clear } = useFieldErrors<(typeof fields)[number]>();
  const lockout = useCountdown();
  const submitting = ref(false);
  const failure = ref<string | null>(null);

  const message = computed(() => (lockout.running.value ? t('auth.retryIn', { seconds: lockout.remaining.value }) : failure.value));

  async function submit(email: string, password: string): Promise<void> {
    submitting.value = true;
    failure.value = null;
    clear();
    try {
      await auth.login(email, password);
      await router.replace(safeRedirect(route.query.redirect));
    } catch (error) {
      if (!isApiProblemError(error)) throw error;
      // A lockout shows its own countdown instead of the server's text.
      if (error.status === 429) return lockout.start(error.retryAfter ?? 60);
      if (!apply(error, fields)) failure.value = problemMessage(error);
    } finally {
      submitting.value = false;
    }
  }

  return { submit, submitting, message, locked: lockout.running, fieldErrors };
}
