import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { unwrap, type Schemas } from '@kehu/api-client';
import { api } from '@/core/api';

export type Me = Schemas['MeDto'];
type TokenPair = Schemas['TokenPairDto'];

const accessKey = 'kehu.accessToken';
const refreshKey = 'kehu.refreshToken';

/** The signed-in user and their tokens. Tokens live in localStorage so a reload stays signed in. */
export const useAuthStore = defineStore('auth', () => {
  const accessToken = ref<string | null>(localStorage.getItem(accessKey));
  const refreshToken = ref<string | null>(localStorage.getItem(refreshKey));
  const me = ref<Me | null>(null);

  const isAuthenticated = computed(() => accessToken.value !== null);
  const roles = computed(() => me.value?.roles ?? []);
  const modules = computed(() => me.value?.modules ?? []);
  const permissions = computed(() => me.value?.permissions ?? []);
  const isAdmin = computed(() => roles.value.includes('admin'));
  /** Whether the user holds a permission (`admin.user.manage`); the API checks it again. */
  const can = (permission: string): boolean => permissions.value.includes(permission);

  function setTokens(pair: TokenPair | null): void {
    accessToken.value = pair?.accessToken ?? null;
    refreshToken.value = pair?.refreshToken ?? null;
    if (pair) {
      localStorage.setItem(accessKey, pair.accessToken);
      localStorage.setItem(refreshKey, pair.refreshToken);
    } else {
      localStorage.removeItem(accessKey);
      localStorage.removeItem(refreshKey);
    }
  }

  async function login(email: string, password: string): Promise<void> {
    setTokens(await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } })));
    await hydrate();
  }

  let hydrating: Promise<void> | null = null;

  /**
   * Loads who the user is; a no-op without a token. Callers at the same time share one
   * request: the router starts it before the page's chunks (so it is not queued behind them
   * on HTTP/1.1's six connections) and the auth guard then awaits the same one.
   */
  function hydrate(): Promise<void> {
    if (!accessToken.value) return Promise.resolve();
    hydrating ??= unwrap(api.GET('/api/v1/me'))
      .then((profile) => {
        me.value = profile;
      })
      .finally(() => {
        hydrating = null;
      });
    return hydrating;
  }

  /** Forgets the session locally (no server call): used on logout and when a refresh fails. */
  function dehydrate(): void {
    setTokens(null);
    me.value = null;
  }

  let refreshing: Promise<boolean> | null = null;

  /**
   * Rotates the token pair. Concurrent callers share one request: refresh tokens are single-use,
   * so a second parallel refresh would be rejected as reuse and end the session.
   * `failedToken` is the access token a request was rejected with; if it has been replaced
   * meanwhile, the new one is simply used.
   */
  function refresh(failedToken?: string): Promise<boolean> {
    if (failedToken && accessToken.value && failedToken !== accessToken.value) return Promise.resolve(true);
    if (refreshing) return refreshing;
    const token = refreshToken.value;
    if (!token) return Promise.resolve(false);
    refreshing = unwrap(api.POST('/api/v1/auth/refresh', { body: { refreshToken: token } }))
      .then((pair) => {
        setTokens(pair);
        return true;
      })
      .catch(() => false)
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  /** Ends the session on the server (best effort) and locally. */
  async function logout(): Promise<void> {
    const token = refreshToken.value;
    try {
      if (accessToken.value) await api.POST('/api/v1/auth/logout', { body: token ? { refreshToken: token } : {} });
    } catch {
      // The session ends locally anyway; an expired token must not keep anyone signed in.
    } finally {
      dehydrate();
    }
  }

  return { accessToken, refreshToken, me, isAuthenticated, roles, modules, permissions, isAdmin, can, login, hydrate, dehydrate, refresh, logout };
});
