import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, ChangeSignals, type AppConfig, type Principal } from '@kehu/server-core';

const MAX_ENTRIES = 20_000;

/**
 * Resolved principals by user + login session, so a request costs one round trip (its
 * own query) instead of two. Entries live `PRINCIPAL_CACHE_SECONDS` at most, and are
 * dropped the moment anything they are made of changes (roles, teams, departments, the
 * user's state, the session): see the `principals` triggers and ChangeSignals. While
 * those signals cannot be heard, nothing is served from here.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();
  private readonly ttlMs: number;
  /** Bumped by every signal, so a load that overlapped a change is not kept. */
  private generation = 0;

  constructor(
    private readonly signals: ChangeSignals,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.principalCacheSeconds * 1000;
  }

  onModuleInit(): void {
    this.signals.subscribe('principals', (rest) => {
      this.generation++;
      if (rest.startsWith('session:')) this.dropSession(rest.slice('session:'.length));
      else this.entries.clear();
    });
  }

  async get(userId: string, sessionId: string | null, load: () => Promise<Principal>): Promise<Principal> {
    if (!this.ttlMs || !this.signals.live) return load();
    const key = `${userId}|${sessionId ?? ''}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.principal;
    const generation = this.generation;
    const principal = await load();
    // A signal heard while loading may describe a change the load did not see: keep nothing then.
    if (this.signals.live && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { principal, until: now + this.ttlMs });
    }
    return principal;
  }

  private dropSession(sessionId: string): void {
    for (const key of this.entries.keys()) if (key.endsWith(`|${sessionId}`)) this.entries.delete(key);
  }
}
