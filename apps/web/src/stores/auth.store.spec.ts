import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useAuthStore } from './auth.store';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '@/core/router';
import { installApiAuth } from '@/core/api-auth';
import { adminMe, fakeApi, json, noContent, problem } from '@/test/fake-api';

const pair = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900 });

describe('auth store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
    // As main.ts does: the API client takes its token from this store.
    installApiAuth(createAppRouter(createMemoryHistory()));
  });

  it('login stores the tokens and loads the user', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/login': () => json(200, pair(1)),
      'GET /api/v1/me': (request) => (request.headers.get('Authorization') === 'Bearer access-1' ? json(200, adminMe) : problem(401, 'UNAUTHENTICATED')),
    });
    const auth = useAuthStore();
    await auth.login('admin@kehu.local', 'secret');

    expect(auth.isAuthenticated).toBe(true);
    expect(auth.me?.user.name).toBe('Ada Admin');
    expect(auth.isAdmin).toBe(true);
    expect(localStorage.getItem('kehu.accessToken')).toBe('access-1');
    expect(localStorage.getItem('kehu.refreshToken')).toBe('refresh-1');
    expect(await api.calls('POST /api/v1/auth/login')[0][0].json()).toEqual({ email: 'admin@kehu.local', password: 'secret' });
  });

  it('a failed login stores nothing and throws the problem', async () => {
    fakeApi({ 'POST /api/v1/auth/login': () => problem(401, 'INVALID_CREDENTIALS', 'Wrong e-mail or password') });
    const auth = useAuthStore();
    await expect(auth.login('admin@kehu.local', 'nope')).rejects.toMatchObject({ status: 401, detail: 'Wrong e-mail or password' });
    expect(auth.isAuthenticated).toBe(false);
    expect(localStorage.getItem('kehu.accessToken')).toBeNull();
  });

  it('reads its tokens back after a reload', () => {
    localStorage.setItem('kehu.accessToken', 'access-9');
    localStorage.setItem('kehu.refreshToken', 'refresh-9');
    expect(useAuthStore().isAuthenticated).toBe(true);
  });

  it('concurrent refreshes share one request and rotate the tokens', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const api = fakeApi({ 'POST /api/v1/auth/refresh': async () => (await gate, json(200, pair(2))) });
    localStorage.setItem('kehu.accessToken', 'access-1');
    localStorage.setItem('kehu.refreshToken', 'refresh-1');
    const auth = useAuthStore();

    const results = Promise.all([auth.refresh('access-1'), auth.refresh('access-1'), auth.refresh()]);
    release();
    expect(await results).toEqual([true, true, true]);
    expect(api.calls('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(auth.accessToken).toBe('access-2');
    expect(localStorage.getItem('kehu.refreshToken')).toBe('refresh-2');
  });

  it('does not refresh again for a token that was already replaced', async () => {
    const api = fakeApi({});
    localStorage.setItem('kehu.accessToken', 'access-2');
    localStorage.setItem('kehu.refreshToken', 'refresh-2');
    expect(await useAuthStore().refresh('access-1')).toBe(true);
    expect(api.mock).not.toHaveBeenCalled();
  });

  it('a rejected refresh resolves false and keeps nothing new', async () => {
    fakeApi({ 'POST /api/v1/auth/refresh': () => problem(401, 'UNAUTHENTICATED') });
    localStorage.setItem('kehu.accessToken', 'access-1');
    localStorage.setItem('kehu.refreshToken', 'refresh-1');
    const auth = useAuthStore();
    expect(await auth.refresh('access-1')).toBe(false);
    expect(auth.accessToken).toBe('access-1');
  });

  it('logout revokes the refresh token and clears the session', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/logout': () => noContent() });
    localStorage.setItem('kehu.accessToken', 'access-1');
    localStorage.setItem('kehu.refreshToken', 'refresh-1');
    const auth = useAuthStore();
    auth.me = adminMe as never;

    await auth.logout();

    const [request] = api.calls('POST /api/v1/auth/logout')[0];
    expect(request.headers.get('Authorization')).toBe('Bearer access-1');
    expect(await request.json()).toEqual({ refreshToken: 'refresh-1' });
    expect(auth.isAuthenticated).toBe(false);
    expect(auth.me).toBeNull();
    expect(localStorage.getItem('kehu.accessToken')).toBeNull();
    expect(localStorage.getItem('kehu.refreshToken')).toBeNull();
  });

  it('logout clears the session even when the server fails', async () => {
    fakeApi({ 'POST /api/v1/auth/logout': () => problem(500, 'INTERNAL_ERROR') });
    localStorage.setItem('kehu.accessToken', 'access-1');
    const auth = useAuthStore();
    await auth.logout();
    expect(auth.isAuthenticated).toBe(false);
  });
});
