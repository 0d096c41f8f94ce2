import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { UserDto } from '@kehu/contracts';
import { usersApi } from '../api/users.api';

/**
 * Names of users seen by the admin pages (delegations, teams, audit log show ids otherwise).
 * Filled from every user list read and, for ids not yet seen, one GET per user.
 */
export const useUserNamesStore = defineStore('admin-user-names', () => {
  const names = reactive(new Map<string, string>());
  const pending = new Set<string>();

  function remember(users: readonly Pick<UserDto, 'id' | 'name'>[]): void {
    for (const user of users) names.set(user.id, user.name);
  }

  /** The name, or a short id until it is known. */
  const nameOf = (id: string | null | undefined): string => (id ? (names.get(id) ?? `${id.slice(0, 8)}…`) : '—');

  async function ensure(ids: readonly (string | null | undefined)[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id): id is string => !!id && !names.has(id) && !pending.has(id));
    missing.forEach((id) => pending.add(id));
    await Promise.all(
      missing.map((id) =>
        usersApi
          .get(id)
          .then((user) => names.set(id, user.name))
          .catch(() => undefined)
          .finally(() => pending.delete(id)),
      ),
    );
  }

  return { names, remember, nameOf, ensure };
});
