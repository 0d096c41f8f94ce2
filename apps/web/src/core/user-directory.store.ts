import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { UserDirectoryEntryDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, clean } from '@/core/api-http';

/**
 * Colleagues' names for owner columns and pickers, from `/api/v1/users/directory`, which
 * every signed-in user may read. Names seen once are kept; unknown ids of a page are
 * fetched in one request.
 */
export const useUserDirectoryStore = defineStore('user-directory', () => {
  const names = reactive(new Map<string, string>());
  const pending = new Set<string>();

  const remember = (users: readonly { id: string; name: string }[]) => users.forEach((u) => names.set(u.id, u.name));

  async function ensure(ids: readonly (string | null | undefined)[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id): id is string => !!id && !names.has(id) && !pending.has(id)).slice(0, 200);
    if (!missing.length) return;
    missing.forEach((id) => pending.add(id));
    try {
      remember(await body<UserDirectoryEntryDto[]>(api.GET('/api/v1/users/directory', { params: { query: { ids: missing.join(','), limit: 200 } } })));
    } catch {
      // names are a nicety: the caller shows "a colleague" instead
    } finally {
      missing.forEach((id) => pending.delete(id));
    }
  }

  /** Active colleagues whose name contains `q`. */
  async function search(q: string): Promise<{ id: string; name: string }[]> {
    const found = await body<UserDirectoryEntryDto[]>(api.GET('/api/v1/users/directory', { params: { query: clean({ q: q || undefined, limit: 20 }) } }));
    remember(found);
    return found.map((u) => ({ id: u.id, name: u.name }));
  }

  return { names, remember, ensure, search };
});
