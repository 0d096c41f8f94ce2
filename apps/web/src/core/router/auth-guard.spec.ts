import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from './index';
import { installApiAuth } from '@/core/api-auth';
import { adminMe, fakeApi, json, problem } from '@/test/fake-api';

function signIn(me: unknown = adminMe) {
  localStorage.setItem('kehu.accessToken', 'access-1');
  localStorage.setItem('kehu.refreshToken', 'refresh-1');
  return fakeApi({ 'GET /api/v1/me': () => json(200, me) });
}

async function open(path: string) {
  const router = createAppRouter(createMemoryHistory());
  installApiAuth(router);
  await router.push(path);
  return router.currentRoute.value;
}

describe('route guard', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it('sends signed-out users to login with a way back', async () => {
    fakeApi({});
    const route = await open('/profile?tab=password');
    expect(route.name).toBe('login');
    expect(route.query.redirect).toBe('/profile?tab=password');
  });

  it('lets signed-out users see the login page', async () => {
    fakeApi({});
    expect((await open('/login')).name).toBe('login');
  });

  it('loads the user once and opens the page', async () => {
    const api = signIn();
    expect((await open('/profile')).name).toBe('profile');
    expect(api.calls('GET /api/v1/me')).toHaveLength(1);
  });

  it('keeps users out of modules their department does not use', async () => {
    signIn();
    expect((await open('/sales')).name).toBe('sales');
    expect((await open('/marketing')).name).toBe('dashboard');
  });

  it('shows admin pages to admins only', async () => {
    signIn({ ...adminMe, roles: ['sales_rep'] });
    expect((await open('/admin')).name).toBe('dashboard');
  });

  it('sends a signed-in user away from login to the redirect target', async () => {
    signIn();
    expect((await open('/login?redirect=/profile')).name).toBe('profile');
    expect((await open('/login?redirect=//evil.example')).path).toBe('/');
  });

  it('refreshes an expired token and carries on', async () => {
    localStorage.setItem('kehu.accessToken', 'expired');
    localStorage.setItem('kehu.refreshToken', 'refresh-1');
    const api = fakeApi({
      'GET /api/v1/me': (request) => (request.headers.get('Authorization') === 'Bearer fresh' ? json(200, adminMe) : problem(401, 'TOKEN_EXPIRED')),
      'POST /api/v1/auth/refresh': () => json(200, { accessToken: 'fresh', refreshToken: 'refresh-2', expiresIn: 900 }),
    });
    expect((await open('/profile')).name).toBe('profile');
    expect(api.calls('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(localStorage.getItem('kehu.refreshToken')).toBe('refresh-2');
  });

  it('signs out and returns to login when the refresh is rejected', async () => {
    localStorage.setItem('kehu.accessToken', 'expired');
    localStorage.setItem('kehu.refreshToken', 'reused');
    fakeApi({
      'GET /api/v1/me': () => problem(401, 'TOKEN_EXPIRED'),
      'POST /api/v1/auth/refresh': () => problem(401, 'UNAUTHENTICATED'),
    });
    const route = await open('/profile');
    expect(route.name).toBe('login');
    expect(route.query.redirect).toBe('/profile');
    expect(localStorage.getItem('kehu.accessToken')).toBeNull();
  });

  it('unknown addresses show the 404 page', async () => {
    fakeApi({});
    expect((await open('/no/such/page')).name).toBe('not-found');
  });
});
