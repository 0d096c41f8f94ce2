import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, ChangeSignals, SignalledCache, type AppConfig, type Principal } from '@kehu/server-core';

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
  private readonly cache: SignalledCache<Principal>;

  constructor(
    private readonly signals: ChangeSignals,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new SignalledCache(signals, config.principalCacheSeconds * 1000, MAX_ENTRIES);
  }

  onModuleInit(): void {
    this.signals.subscribe('principals', (rest) => {
      if (rest.startsWith('session:')) {
        const suffix = `|${rest.slice('session:'.length)}`;
        this.cache.invalidate((key) => key.endsWith(suffix));
      } else this.cache.invalidate();
    });
  }

  get(userId: string, sessionId: string | null, load: () => Promise<Principal>): Promise<Principal> {
    return this.cache.get(`${userId}|${sessionId ?? ''}`, load);
  }
}
