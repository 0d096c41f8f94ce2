import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { defineComponent } from 'vue';
import { preloadRouteComponents } from './preload-route';

describe('preloadRouteComponents', () => {
  it("requests the target page's lazy chunk while a later guard is still waiting", async () => {
    const loaded: string[] = [];
    const page = defineComponent({ render: () => null });
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: page },
        { path: '/sales', component: () => (loaded.push('sales'), Promise.resolve(page)) },
      ],
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    router.beforeEach((to) => preloadRouteComponents(to));
    let waiting = false;
    router.beforeEach((to) => (to.path === '/sales' ? ((waiting = true), gate) : undefined)); // like the auth guard waiting for /me
    await router.push('/');
    const navigation = router.push('/sales');
    await vi.waitFor(() => expect(waiting).toBe(true));
    expect(loaded).toEqual(['sales']); // while the guard still waits
    release();
    await navigation;
    expect(router.currentRoute.value.path).toBe('/sales');
  });
});
