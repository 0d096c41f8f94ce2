import { describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { useKeysetList, type PageRequest } from './use-keyset-list';

describe('useKeysetList', () => {
  it('loads the first page with a count, then appends the next by cursor', async () => {
    const fetchPage = vi.fn(async (request: PageRequest) =>
      request.cursor ? { data: [3], nextCursor: null } : { data: [1, 2], nextCursor: 'c2', total: 3 },
    );
    const list = useKeysetList(fetchPage, { pageSize: 2 });
    await list.reload();
    expect(list.rows.value).toEqual([1, 2]);
    expect(list.total.value).toBe(3);
    expect(list.hasMore.value).toBe(true);
    expect(fetchPage).toHaveBeenLastCalledWith({ limit: 2, count: true });

    await list.loadMore();
    expect(fetchPage).toHaveBeenLastCalledWith({ limit: 2, cursor: 'c2' });
    expect(list.rows.value).toEqual([1, 2, 3]);
    expect(list.hasMore.value).toBe(false);
    expect(list.empty.value).toBe(false);
  });

  it('drops the answer of a request that a newer one replaced', async () => {
    const answers: Array<(rows: number[]) => void> = [];
    const list = useKeysetList<number>(() => new Promise((resolve) => answers.push((data) => resolve({ data, nextCursor: null }))));
    const first = list.reload();
    const second = list.reload();
    answers[1]([2]);
    answers[0]([1]);
    await Promise.all([first, second]);
    expect(list.rows.value).toEqual([2]);
    expect(list.loading.value).toBe(false);
  });

  it('reloads when a watched filter changes, after the debounce', async () => {
    vi.useFakeTimers();
    const q = ref('');
    const fetchPage = vi.fn(async () => ({ data: [], nextCursor: null }));
    const list = useKeysetList(fetchPage, { watch: [q], debounceMs: 200 });
    q.value = 'a';
    await nextTick();
    q.value = 'ad';
    await nextTick();
    await vi.advanceTimersByTimeAsync(250);
    expect(fetchPage).toHaveBeenCalledOnce();
    expect(list.empty.value).toBe(true);
    vi.useRealTimers();
  });
});
