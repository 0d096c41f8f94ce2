/**
 * A page's first request, started by its route while the page's code still loads (a cold open
 * spends ~1 s fetching chunks; the request need not wait for them). The page takes the answer
 * when its own first request has the same key, else asks anew. Kept for a few seconds only: a
 * later visit must not see old rows.
 */
const started = new Map<string, { at: number; answer: Promise<unknown> }>();
const MAX_AGE_MS = 10_000;

/** A query's key: its defined values by name, so property order and blanks do not matter. */
export function prefetchKey(path: string, query: object): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return `${path}?${JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)))}`;
}

export function prefetch(key: string, load: () => Promise<unknown>): void {
  const hit = started.get(key);
  if (hit && Date.now() - hit.at <= MAX_AGE_MS) return;
  const answer = load();
  answer.catch(() => started.delete(key)); // a failed prefetch is just not used; the page asks itself
  started.set(key, { at: Date.now(), answer });
}

/** The prefetched answer for `key` (once), or undefined. */
export function takePrefetched<T>(key: string): Promise<T> | undefined {
  const hit = started.get(key);
  started.delete(key);
  return hit && Date.now() - hit.at <= MAX_AGE_MS ? (hit.answer as Promise<T>) : undefined;
}
