import { defineStore } from 'pinia';
import { reactive } from 'vue';
import { i18n } from '@/i18n';
import { useAuthStore } from '@/stores/auth.store';
import { peopleApi } from '../api/deals.api';

/**
 * Owners in words for the deals and leads pages: "me", else the name when the user may read
 * the user directory (admin.user.read), else "a colleague".
 */
export const useDealsPeopleStore = defineStore('deals-people', () => {
  const names = reactive(new Map<string, string>());
  const pending = new Set<string>();
  const auth = useAuthStore();
  const canList = () => auth.can('admin.user.read');

  function nameOf(id: string | null | undefined, none = ''): string {
    if (!id) return none;
    if (id === auth.me?.user.id) return i18n.global.t('deals.owner.me');
    return names.get(id) ?? i18n.global.t('deals.owner.colleague');
  }

  async function ensure(ids: readonly (string | null | undefined)[]): Promise<void> {
    if (!canList()) return;
    const missing = [...new Set(ids)].filter((id): id is string => !!id && id !== auth.me?.user.id && !names.has(id) && !pending.has(id));
    missing.forEach((id) => pending.add(id));
    await Promise.all(
      missing.map((id) =>
        peopleApi
          .get(id)
          .then((user) => names.set(id, user.name))
          .catch(() => undefined)
          .finally(() => pending.delete(id)),
      ),
    );
  }

  /** Active users matching `q` (empty when the directory is not readable). */
  async function search(q: string): Promise<{ id: string; name: string }[]> {
    if (!canList()) return [];
    const page = await peopleApi.list({ q: q || undefined, limit: 20, active: true });
    for (const user of page.data) names.set(user.id, user.name);
    return page.data.map((user) => ({ id: user.id, name: user.name }));
  }

  return { names, nameOf, ensure, search, canList };
});
