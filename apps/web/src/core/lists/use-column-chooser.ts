import { computed, ref, watch } from 'vue';

export interface ChoosableColumn {
  key: string;
  /** i18n key of the header. */
  labelKey: string;
  /** Shown until the user chooses otherwise. */
  visible?: boolean;
}

const storageKey = (table: string) => `kehu.columns.${table}`;

/** Which columns of a table the user shows; remembered per table on this device. */
export function useColumnChooser(table: string, columns: readonly ChoosableColumn[]) {
  const defaults = columns.filter((c) => c.visible !== false).map((c) => c.key);
  const known = new Set(columns.map((c) => c.key));
  const visible = ref<string[]>(readStored(table, known) ?? defaults);

  watch(visible, (keys) => localStorage.setItem(storageKey(table), JSON.stringify(keys)), { deep: true });

  const isVisible = (key: string) => visible.value.includes(key);
  const shown = computed(() => columns.filter((c) => isVisible(c.key)));
  const reset = () => (visible.value = [...defaults]);
  return { columns, visible, isVisible, shown, reset };
}

function readStored(table: string, known: Set<string>): string[] | null {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey(table)) ?? 'null');
    return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string' && known.has(k)) : null;
  } catch {
    return null;
  }
}
