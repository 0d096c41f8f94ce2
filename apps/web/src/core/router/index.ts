import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import './route-meta';
import { authGuard } from './auth-guard';
import { preloadRouteComponents } from './preload-route';
import { useAuthStore } from '@/stores/auth.store';
import { appRoutes, publicRoutes } from '@/modules';

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
    preloadRouteComponents(to);
    // With a stored session the first data request goes out beside /me and the chunks; an
    // expired token is refreshed once for both (the store shares one refresh).
    if (to.meta.prefetch && useAuthStore().isAuthenticated) to.meta.prefetch();
  });
  router.beforeEach(authGuard);
  return router;
}
