import { defineStore } from 'pinia';
import { i18n } from '@/i18n';
import { useUserDirectoryStore } from '@/core/user-directory.store';
import { useAuthStore } from '@/stores/auth.store';

/** Who owns a customer, in words: "me", the public pool, or the colleague's name. */
export const useOwnerNamesStore = defineStore('sales-owner-names', () => {
  const auth = useAuthStore();
  const directory = useUserDirectoryStore();

  function nameOf(id: string | null | undefined): string {
    const t = i18n.global.t;
    if (!id) return t('sales.owner.pool');
    if (id === auth.me?.user.id) return t('sales.owner.me');
    return directory.names.get(id) ?? t('sales.owner.colleague');
  }

  return { names: directory.names, remember: directory.remember, nameOf, ensure: directory.ensure };
});
