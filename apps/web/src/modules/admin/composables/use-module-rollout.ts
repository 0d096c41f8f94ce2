import { computed, reactive, ref } from 'vue';
import type { AppModuleName, ModuleRolloutDto } from '@kehu/contracts';
import { saveVersioned } from '@/core/concurrency';
import { moduleRolloutApi } from '../api/module-rollout.api';
import { changedRows, draftOf, toggleModule, type RolloutDraft } from '../models/module-rollout';

export interface RolloutRow extends ModuleRolloutDto {
  /** Indent level in the department tree. */
  depth: number;
}

/** Depth of each department from the parent links of the rows themselves. */
function withDepth(rows: ModuleRolloutDto[]): RolloutRow[] {
  const byId = new Map(rows.map((r) => [r.departmentId, r]));
  const depth = (row: ModuleRolloutDto, seen = new Set<string>()): number => {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (!parent || seen.has(parent.departmentId)) return 0;
    seen.add(row.departmentId);
    return 1 + depth(parent, seen);
  };
  return rows.map((r) => ({ ...r, depth: depth(r) }));
}

/**
 * 成熟一个上线一个: the departments × modules switches. Switching edits a draft; saving sends one
 * PUT per changed department with If-Match. A 412 on any of them reloads everything.
 */
export function useModuleRollout() {
  const rows = ref<RolloutRow[]>([]);
  const draft = reactive<RolloutDraft>({});
  const loading = ref(false);
  const saving = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      rows.value = withDepth((await moduleRolloutApi.list()).data);
      for (const key of Object.keys(draft)) delete draft[key];
      Object.assign(draft, draftOf(rows.value));
    } finally {
      loading.value = false;
    }
  }

  const isOn = (departmentId: string, module: AppModuleName) => (draft[departmentId] ?? []).includes(module);
  const toggle = (departmentId: string, module: AppModuleName, on: boolean) => toggleModule(draft, departmentId, module, on);
  const changed = computed(() => changedRows(rows.value, draft));
  const isChanged = (departmentId: string) => changed.value.some((r) => r.departmentId === departmentId);

  /** Resolves true when every change was stored. */
  async function save(): Promise<boolean> {
    saving.value = true;
    try {
      for (const row of changed.value) {
        const result = await saveVersioned(() => moduleRolloutApi.update(row.departmentId, row.version, { modules: draft[row.departmentId] ?? [] }), { reload: load });
        if (!result.ok) return false;
        const index = rows.value.findIndex((r) => r.departmentId === row.departmentId);
        rows.value.splice(index, 1, { ...result.value, depth: rows.value[index].depth });
      }
      return true;
    } finally {
      saving.value = false;
    }
  }

  const discard = () => Object.assign(draft, draftOf(rows.value));

  return { rows, draft, loading, saving, changed, isOn, isChanged, toggle, load, save, discard };
}
