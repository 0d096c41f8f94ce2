import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { installApiAuth } from '@/core/api-auth';
import { i18n } from '@/i18n';
import { adminMe, fakeApi, json } from '@/test/fake-api';
import { createAppRouter } from './index';

// The service, marketing, contracts and analytics texts stay out of the entry: the customer list
// opens without them, every other page waits for them.
const workOrdersText = () => i18n.global.te('workOrders.nav.workOrders', 'zh-CN');

describe('texts loaded on demand', () => {
  beforeEach(() => {
    localStorage.setItem('kehu.accessToken', 'access-1');
    localStorage.setItem('kehu.refreshToken', 'refresh-1');
    setActivePinia(createPinia());
    fakeApi({
      'GET /api/v1/me': () => json(200, adminMe),
      'GET /api/v1/customers': () => json(200, { items: [], nextCursor: null }),
    });
  });

  it('the customer list opens without them, and they arrive once it is shown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const router = createAppRouter(createMemoryHistory());
    installApiAuth(router);
    await router.push('/sales');
    expect(router.currentRoute.value.name).toBe('sales');
    expect(workOrdersText()).toBe(false);
    vi.runAllTimers();
    vi.useRealTimers();
    await vi.waitFor(() => expect(workOrdersText()).toBe(true));
    // The sidebar's labels are core texts: they never wait.
    expect(i18n.global.te('nav.customerService', 'zh-CN')).toBe(true);
  });
});
