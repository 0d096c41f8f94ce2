import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RoleDto } from '@kehu/contracts';
import { rolesApi } from '../api/roles.api';

/** The roles catalogue, for the role matrix and the role selects of the user form. */
export const useRolesStore = defineStore('admin-roles', () => {
  const list = ref<RoleDto[]>([]);
  const loading = ref(false);
  let loaded: Promise<void> | null = null;

  const options = computed(() => list.value.map((r) => ({ value: r.key, label: r.name })));
  const nameOf = (key: string) => list.value.find((r) => r.key === key)?.name ?? key;

  async function load(): Promise<void> {
    loading.value = true;
    try {
      list.value = (await rolesApi.list()).data;
    } finally {
      loading.value = false;
    }
  }

  function ensureLoaded(): Promise<void> {
    loaded ??= load().catch((error) => {
      loaded = null;
      throw error;
    });
    return loaded;
  }

  /** Puts a saved role in place, or adds a new one. */
  function upsert(role: RoleDto): void {
    const index = list.value.findIndex((r) => r.id === role.id);
    if (index >= 0) list.value.splice(index, 1, role);
    else list.value.push(role);
  }

  function remove(id: string): void {
    list.value = list.value.filter((r) => r.id !== id);
  }

  return { list, options, loading, nameOf, load, ensureLoaded, upsert, remove };
});
