import { defineStore } from 'pinia';
import { i18n } from '@/i18n';
import { useUserDirectoryStore } from '@/core/user-directory.store';
import { useAuthStore } from '@/stores/auth.store';

/** Owners in words for the deals and leads pages: "me" or the colleague's name. */
export const useDealsPeopleStore = defineStore('deals-people', () => {
  const auth = useAuthStore();
  const directory = useUserDirectoryStore();

  function nameOf(id: string | null | undefined, none = ''): string {
    if (!id) return none;
    if (id === auth.me?.user.id) return i18n.global.t('deals.owner.me');
    return directory.names.get(id) ?? i18n.global.t('deals.owner.colleague');
  }

  // The directory is open to every signed-in user.
  const canList = () => true;

  return { names: directory.names, nameOf, ensure: directory.ensure, search: directory.search, canList };
});
