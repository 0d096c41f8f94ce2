import { defineStore } from 'pinia';
import { reactive } from 'vue';
import { i18n } from '@/i18n';
import { useAuthStore } from '@/stores/auth.store';
import { userDirectoryApi } from '../api/user-directory.api';

/**
 * Who owns a customer, in words. The signed-in user is "me", no owner is the public pool;
 * other names come from the user directory when the user may read it (admin.user.read),
 * otherwise they stay "a colleague" (the API has no name lookup for sales roles yet).
 */
export const useOwnerNamesStore = defineStore('sales-owner-names', () => {
  const names = reactive(new Map<string, string>());
  const pending = new Set<string>();
  const auth = useAuthStore();

  function remember(users: readonly { id: string; name: string }[]): void {
    for (const user of users) names.set(user.id, user.name);
  }

  function nameOf(id: string | null | undefined): string {
    const t = i18n.global.t;
    if (!id) return t('sales.owner.pool');
    if (id === auth.me?.user.id) return t('sales.owner.me');
    return names.get(id) ?? t('sales.owner.colleague');
  }

  async function ensure(ids: readonly (string | null | undefined)[]): Promise<void> {
    if (!auth.can('admin.user.read')) return;
    const missing = [...new Set(ids)].filter((id): id is string => !!id && id !== auth.me?.user.id && !names.has(id) && !pending.has(id));
    missing.forEach((id) => pending.add(id));
    await Promise.all(
      missing.map((id) =>
        userDirectoryApi
          .get(id)
          .then((user) => names.set(id, user.name))
          .catch(() => undefined)
          .finally(() => pending.delete(id)),
      ),
    );
  }

  return { names, remember, nameOf, ensure };
});

