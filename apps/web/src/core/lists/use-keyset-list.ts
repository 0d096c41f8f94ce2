import { computed, ref, shallowRef, toValue, watch, type WatchSource } from 'vue';
import type { Page } from '@kehu/contracts';

export interface PageRequest {
  limit: number;
  cursor?: string;
  count?: boolean;
}

export interface KeysetListOptions {
  /** Rows per request (the API allows up to 200). */
  pageSize?: number;
  /**
   * Rows per "more" request; default `pageSize`. A small first page shows quickly, larger
   * later ones let a virtualised table scroll through thousands of rows in few requests.
   */
  morePageSize?: number;
  /** Reload from the first page when any of these change (filters, sort), after `debounceMs`. */
  watch?: WatchSource[];
  debounceMs?: number;
  /**
   * Show a `total`: asked for by a second request (`limit: 1, count: true`) once the first
   * page is on screen, so a count over a large scope never delays the rows.
   */
  count?: boolean;
}

/**
 * A list read with keyset pagination: `reload()` fetches the first page, `loadMore()` appends
 * the next one. Answers to superseded requests (filters changed meanwhile) are dropped.
 */
export function useKeysetList<T>(fetchPage: (request: PageRequest) => Promise<Page<T>>, options: KeysetListOptions = {}) {
  const pageSize = options.pageSize ?? 50;
  const morePageSize = options.morePageSize ?? pageSize;
  const rows = shallowRef<T[]>([]);
  const total = ref<number | null>(null);
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const loaded = ref(false);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const page = await fetchPage({ limit: pageSize });
      if (mine !== generation) return;
      rows.value = page.data;
      nextCursor.value = page.nextCursor;
      // A first page that is the whole list is its own count.
      total.value = page.nextCursor === null ? page.data.length : null;
      loaded.value = true;
      if (page.nextCursor !== null && (options.count ?? true)) void loadTotal(mine);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function loadTotal(mine: number): Promise<void> {
    try {
      const counted = await fetchPage({ limit: 1, count: true });
      if (mine === generation && counted.total !== undefined) total.value = counted.total;
    } catch {
      // The rows are shown; a missing total is not worth an error message.
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor.value || loadingMore.value || loading.value) return;
    const mine = generation;
    loadingMore.value = true;
    try {
      const page = await fetchPage({ limit: morePageSize, cursor: nextCursor.value });
      if (mine !== generation) return;
      rows.value = [...rows.value, ...page.data];
      nextCursor.value = page.nextCursor;
    } finally {
      loadingMore.value = false;
    }
  }

  /** Replaces one row in place (after an edit) without reloading the list. */
  function replace(match: (row: T) => boolean, next: T): void {
    rows.value = rows.value.map((row) => (match(row) ? next : row));
  }

  if (options.watch?.length) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Sources that settle after the first load (custom-field definitions, the signed-in user)
    // recompute the query without changing it: only a different query reloads.
    const key = () => JSON.stringify(options.watch!.map((source) => toValue(source)));
    let last = key();
    watch(options.watch, () => {
      const next = key();
      if (next === last) return;
      last = next;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), options.debounceMs ?? 250);
    }, { deep: true });
  }

  const hasMore = computed(() => nextCursor.value !== null);
  const empty = computed(() => loaded.value && !loading.value && rows.value.length === 0);
  return { rows, total, hasMore, loading, loadingMore, loaded, empty, reload, loadMore, replace };
}
