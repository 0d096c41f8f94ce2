import { computed, ref, toValue, type MaybeRefOrGetter, type WritableComputedRef } from 'vue';

export interface ChoosableColumn {
  key: string;
  /** i18n key of the header. */
  labelKey: string;
  /** The header as is, for columns users define (custom fields); wins over `labelKey`. */
  label?: string;
  /** Shown until the user chooses otherwise. */
  visible?: boolean;
}

const storageKey = (table: string) => `kehu.columns.${table}`;

/**
 * Which columns of a table the user shows; remembered per table on this device. The columns may
 * change while the page is open (custom fields load later): a stored choice of a column not yet
 * known is kept and applies once it appears.
 */
export function useColumnChooser(table: string, source: MaybeRefOrGetter<readonly ChoosableColumn[]>) {
  const all = computed(() => toValue(source));
  const defaults = computed(() => all.value.filter((c) => c.visible !== false).map((c) => c.key));
  const chosen = ref<string[] | null>(readStored(table));

  const visible: WritableComputedRef<string[]> = computed({
    get: () => chosen.value ?? defaults.value,
    set: (keys) => {
      chosen.value = [...keys];
      localStorage.setItem(storageKey(table), JSON.stringify(keys));
    },
  });

  const isVisible = (key: string) => visible.value.includes(key);
  const shown = computed(() => all.value.filter((c) => isVisible(c.key)));
  const reset = () => (visible.value = [...defaults.value]);
  return {
    /** The columns on offer (a getter, so templates see changes). */
    get columns(): readonly ChoosableColumn[] {
      return all.value;
    },
    visible,
    isVisible,
    shown,
    reset,
  };
}

function readStored(table: string): string[] | null {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey(table)) ?? 'null');
    return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : null;
  } catch {
    return null;
  }
}
