import { ref } from 'vue';
import { isApiProblemError } from '@kehu/api-client';
import { api } from '@/core/api';
import { useFieldErrors } from '@/core/forms/use-field-errors';
import { problemMessage } from '@/core/problem-message';

const fields = ['currentPassword', 'newPassword'] as const;

/** Posts a password change; field errors from the API land next to their fields. */
export function useChangePassword() {
  const { fieldErrors, apply, clear } = useFieldErrors<(typeof fields)[number]>();
  const saving = ref(false);

  async function change(currentPassword: string, newPassword: string): Promise<boolean> {
    saving.value = true;
    clear();
    try {
      await api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } });
      return true;
    } catch (error) {
      if (isApiProblemError(error) && apply(error, fields)) return false;
      // A wrong current password carries no field list; point at the field anyway.
      if (isApiProblemError(error) && error.code === 'INVALID_CREDENTIALS') {
        fieldErrors.currentPassword = problemMessage(error);
        return false;
      }
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { change, saving, fieldErrors };
}
