import type { ChangeSignals } from './change-signals';

/**
 * An in-process cache whose owner drops entries when ChangeSignals reports that the rows they
 * are made of changed (on this replica at once, on the others within milliseconds). While the
 * signals cannot be heard nothing is served from it, and a load that overlapped a signal is not
 * kept: it may have read the rows before the change.
 */
export class SignalledCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  /** Bumped by every invalidation. */
  private generation = 0;

  constructor(
    private readonly signals: ChangeSignals,
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Drops every entry, or those whose key matches. */
  invalidate(match?: (key: string) => boolean): void {
    this.generation++;
    if (!match) return this.entries.clear();
    for (const key of this.entries.keys()) if (match(key)) this.entries.delete(key);
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.ttlMs || !this.signals.live) return load();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (this.signals.live && generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string); // oldest first
      this.entries.set(key, { value, until: now + this.ttlMs });
    }
    return value;
  }
}
