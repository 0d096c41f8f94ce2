import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { installApiAuth } from '@/core/api-auth';
import { i18n } from '@/i18n';
import { adminMe, fakeApi, json } from '@/test/fake-api';
import { createAppRouter } from './index';

// Its own file: the texts load once per module instance, and the customer-list case loads them.
// Their chunk arrives when the test says (a slow network): the page waits for it.
const chunk = vi.hoisted(() => {
  let release!: () => void;
  return { arrived: new Promise<void>((resolve) => (release = resolve)), release: () => release() };
});
vi.mock('@/modules/lazy-module-messages', async (importOriginal) => {
  await chunk.arrived;
  return importOriginal();
});
const workOrdersText = () => i18n.global.te('workOrders.nav.workOrders', 'zh-CN');

describe('texts loaded on demand, for any page but the customer list', () => {
  beforeEach(() => {
    localStorage.setItem('kehu.accessToken', 'access-1');
    localStorage.setItem('kehu.refreshToken', 'refresh-1');
    setActivePinia(createPinia());
    fakeApi({
      'GET /api/v1/me': () => json(200, adminMe),
      'GET /api/v1/customers': () => json(200, { items: [], nextCursor: null }),
    });
  });

  it('any other page opens with them in place', async () => {
    const router = createAppRouter(createMemoryHistory());
    installApiAuth(router);
    expect(workOrdersText()).toBe(false);
    let opened = false;
    const navigation = router.push('/service/work-orders').then(() => (opened = true));
    // Everything else the page needs is there: its code, /me.
    await import('@/modules/service/pages/work-orders-page.vue');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(opened).toBe(false);
    chunk.release();
    await navigation;
    expect(router.currentRoute.value.name).toBe('work-orders');
    expect(workOrdersText()).toBe(true);
  });
});
