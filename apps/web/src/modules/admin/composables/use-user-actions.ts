import { ref } from 'vue';
import { ResetPasswordDto, type UserDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { useDtoForm } from '@/core/forms/use-dto-form';
import { usersApi } from '../api/users.api';

/** Disabling / enabling an account (If-Match on the row's version) and the admin password reset. */
export function useUserActions(reload: () => Promise<unknown>) {
  /** The saved user, or null after a 412 (the list is then reloaded). */
  async function setActive(user: UserDto, active: boolean): Promise<UserDto | null> {
    const result = await saveVersioned(() => usersApi.update(user.id, user.version, { active }), { reload });
    return result.ok ? result.value : null;
  }

  const resetting = ref<UserDto | null>(null);
  const newPassword = ref('');
  const saving = ref(false);
  const resetForm = useDtoForm<'newPassword'>(ResetPasswordDto, ['newPassword']);

  function openReset(user: UserDto): void {
    resetting.value = user;
    newPassword.value = '';
    resetForm.clear();
  }

  async function submitReset(): Promise<boolean> {
    const user = resetting.value;
    const body = { newPassword: newPassword.value };
    if (!user || !(await resetForm.check(body))) return false;
    saving.value = true;
    try {
      await usersApi.resetPassword(user.id, body);
      resetting.value = null;
      return true;
    } catch (error) {
      if (resetForm.applyServer(error)) return false;
      throw error;
    } finally {
      saving.value = false;
    }
  }

  return { setActive, resetting, newPassword, saving, resetErrors: resetForm.errors, openReset, submitReset };
}
