import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { installApiAuth } from '@/core/api-auth';
import { adminMe, fakeApi, json } from '@/test/fake-api';
import { createAppRouter } from './index';

// What the browser is asked for, in order: on HTTP/1.1 whatever is asked first is served first.
const order: string[] = [];
vi.mock('./preload-route', async (importOriginal) => {
  const real = await importOriginal<typeof import('./preload-route')>();
  return { preloadRouteComponents: (to: Parameters<typeof real.preloadRouteComponents>[0]) => (order.push(`chunks ${to.path}`), real.preloadRouteComponents(to)) };
});

describe('a cold open of a page', () => {
  beforeEach(() => {
    order.length = 0;
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it("asks for /me and the page's first rows before the page's chunks, and /me only once", async () => {
    localStorage.setItem('kehu.accessToken', 'access-1');
    localStorage.setItem('kehu.refreshToken', 'refresh-1');
    const api = fakeApi({
      'GET /api/v1/me': () => (order.push('GET /api/v1/me'), json(200, adminMe)),
      'GET /api/v1/customers': () => (order.push('GET /api/v1/customers'), json(200, { items: [], nextCursor: null })),
    });
    const router = createAppRouter(createMemoryHistory());
    installApiAuth(router);
    await router.push('/sales');
    expect(router.currentRoute.value.name).toBe('sales');
    expect(order.indexOf('GET /api/v1/me')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('GET /api/v1/customers')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('chunks /sales')).toBeGreaterThan(order.indexOf('GET /api/v1/me'));
    expect(order.indexOf('chunks /sales')).toBeGreaterThan(order.indexOf('GET /api/v1/customers'));
    expect(api.calls('GET /api/v1/me')).toHaveLength(1); // the guard awaited the same request
  });

  it('requests the chunks at once when there is nothing to ask first', async () => {
    fakeApi({});
    const router = createAppRouter(createMemoryHistory());
    installApiAuth(router);
    await router.push('/login');
    expect(order).toEqual(['chunks /login']);
  });
});
