import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import './route-meta';
import { authGuard } from './auth-guard';
import { preloadRouteComponents } from './preload-route';
import { useAuthStore } from '@/stores/auth.store';
import { appRoutes, loadLazyMessages, publicRoutes } from '@/modules';

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes: [
      ...publicRoutes,
      { path: '/', component: () => import('@/core/layout/app-layout.vue'), children: appRoutes },
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/core/pages/not-found-page.vue'),
        meta: { public: true, titleKey: 'notFound.title' },
      },
    ],
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.beforeEach((to) => {
    // With a stored session /me and the page's first data request go out first, then the
    // page's chunks: on HTTP/1.1's six connections whatever is asked first is served first, and
    // the data must not queue behind ~30 scripts. An expired token is refreshed once for both
    // (the store shares one refresh); the auth guard awaits the same /me.
    const auth = useAuthStore();
    if (auth.isAuthenticated && !to.meta.public && (!auth.me || to.meta.prefetch)) {
      if (!auth.me) auth.hydrate().catch(() => undefined); // the guard reports a failure
      to.meta.prefetch?.();
      // The API client calls fetch() a few microtasks later (its middleware): the chunks wait a task.
      setTimeout(() => {
        preloadRouteComponents(to);
        if (!to.meta.coreMessagesOnly) void loadLazyMessages().catch(() => undefined);
      });
    } else {
      preloadRouteComponents(to);
      if (!to.meta.coreMessagesOnly) void loadLazyMessages().catch(() => undefined);
    }
  });
  router.beforeEach(authGuard);
  // A page opens with its texts; should they fail to load, it opens anyway (keys, not a dead link).
  router.beforeEach(async (to) => {
    if (!to.meta.coreMessagesOnly) await loadLazyMessages().catch(() => undefined);
  });
  // After a page that did not wait for them: load them while the user reads it.
  router.afterEach((to) => {
    if (to.meta.coreMessagesOnly) setTimeout(() => void loadLazyMessages().catch(() => undefined), 300);
  });
  return router;
}
