import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetch, prefetchKey, takePrefetched } from './prefetch';

describe('route prefetch', () => {
  afterEach(() => vi.useRealTimers());

  it('keys a query by its defined values, in any order', () => {
    expect(prefetchKey('/c', { sort: 'x', limit: 50, q: undefined, tag: '' })).toBe(prefetchKey('/c', { limit: 50, sort: 'x' }));
    expect(prefetchKey('/c', { limit: 50 })).not.toBe(prefetchKey('/c', { limit: 51 }));
  });

  it('hands a started request to the first taker only, and not once it is old', async () => {
    const load = vi.fn(async () => 'rows');
    prefetch('k', load);
    prefetch('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(takePrefetched('k')).resolves.toBe('rows');
    expect(takePrefetched('k')).toBeUndefined();

    vi.useFakeTimers();
    prefetch('old', async () => 'stale');
    vi.advanceTimersByTime(11_000);
    expect(takePrefetched('old')).toBeUndefined();
  });

  it('forgets a failed request', async () => {
    prefetch('bad', () => Promise.reject(new Error('403')));
    await Promise.resolve();
    await Promise.resolve();
    expect(takePrefetched('bad')).toBeUndefined();
  });
});
