import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DepartmentDto } from '@kehu/contracts';
import { departmentsApi } from '../api/departments.api';
import { buildDepartmentTree, departmentOptions, departmentPath } from '../models/department-tree';

/** All departments (the API caps the list at 200, enough for one organisation's tree). */
export const useDepartmentsStore = defineStore('admin-departments', () => {
  const list = ref<DepartmentDto[]>([]);
  const loading = ref(false);
  let loaded: Promise<void> | null = null;

  const tree = computed(() => buildDepartmentTree(list.value));
  const options = computed(() => departmentOptions(tree.value));
  const byId = computed(() => new Map(list.value.map((d) => [d.id, d])));

  async function load(): Promise<void> {
    loading.value = true;
    try {
      list.value = (await departmentsApi.list()).data;
    } finally {
      loading.value = false;
    }
  }

  /** Loads once per session; pages that only need names for a select call this. */
  function ensureLoaded(): Promise<void> {
    loaded ??= load().catch((error) => {
      loaded = null;
      throw error;
    });
    return loaded;
  }

  const pathOf = (id: string | null | undefined) => departmentPath(list.value, id);

  return { list, tree, options, byId, loading, load, ensureLoaded, pathOf };
});
