import { describe, expect, it, vi } from 'vitest';
import { computed, nextTick, reactive, ref } from 'vue';
import type { Page } from '@kehu/contracts';
import { useKeysetList, type PageRequest } from './use-keyset-list';

describe('useKeysetList', () => {
  it('shows the first page without waiting for a count, then the total, then appends the next page by cursor', async () => {
    let countAnswer: (total: number) => void = () => undefined;
    const fetchPage = vi.fn((request: PageRequest) => {
      if (request.count) return new Promise<Page<number>>((resolve) => (countAnswer = (total) => resolve({ data: [1], nextCursor: 'c1', total })));
      return Promise.resolve(request.cursor ? { data: [3], nextCursor: null } : { data: [1, 2], nextCursor: 'c2' });
    });
    const list = useKeysetList(fetchPage, { pageSize: 2 });
    await list.reload();
    expect(fetchPage).toHaveBeenNthCalledWith(1, { limit: 2 });
    expect(list.rows.value).toEqual([1, 2]);
    expect(list.total.value).toBeNull(); // the rows are on screen, the count is still running
    expect(list.hasMore.value).toBe(true);
    expect(fetchPage).toHaveBeenLastCalledWith({ limit: 1, count: true });
    countAnswer(3);
    await vi.waitFor(() => expect(list.total.value).toBe(3));

    await list.loadMore();
    expect(fetchPage).toHaveBeenLastCalledWith({ limit: 2, cursor: 'c2' });
    expect(list.rows.value).toEqual([1, 2, 3]);
    expect(list.hasMore.value).toBe(false);
    expect(list.empty.value).toBe(false);
  });

  it('asks for larger pages after the first when told to', async () => {
    const fetchPage = vi.fn((request: PageRequest) => Promise.resolve({ data: [request.limit], nextCursor: request.cursor ? null : 'c1' }));
    const list = useKeysetList(fetchPage, { pageSize: 50, morePageSize: 200, count: false });
    await list.reload();
    await list.loadMore();
    expect(fetchPage.mock.calls.map(([request]) => request)).toEqual([{ limit: 50 }, { limit: 200, cursor: 'c1' }]);
    expect(list.rows.value).toEqual([50, 200]);
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

  it('counts a list that fits on its first page without a second request, and never when told not to', async () => {
    const fetchPage = vi.fn(async () => ({ data: [1, 2], nextCursor: null }));
    const list = useKeysetList(fetchPage, { pageSize: 5 });
    await list.reload();
    expect(list.total.value).toBe(2);
    expect(fetchPage).toHaveBeenCalledOnce();
    const more = vi.fn(async () => ({ data: [1], nextCursor: 'c' }));
    const uncounted = useKeysetList(more, { count: false });
    await uncounted.reload();
    expect(more).toHaveBeenCalledOnce();
    expect(uncounted.total.value).toBeNull();
  });

  it('does not reload when a watched source recomputes to the same query (definitions arriving after the first load)', async () => {
    vi.useFakeTimers();
    const definitions = ref<string[]>([]);
    const filters = reactive({ q: '' });
    const query = computed(() => ({ q: filters.q || undefined, known: definitions.value.length >= 0 }));
    const fetchPage = vi.fn(async () => ({ data: [], nextCursor: null }));
    useKeysetList(fetchPage, { watch: [query] });
    definitions.value = ['cf1'];
    await nextTick();
    await vi.advanceTimersByTimeAsync(300);
    expect(fetchPage).not.toHaveBeenCalled();
    filters.q = 'x';
    await nextTick();
    await vi.advanceTimersByTimeAsync(300);
    expect(fetchPage).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });
});
