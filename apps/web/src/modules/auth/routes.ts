import type { RouteRecordRaw } from 'vue-router';

export const authRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/login-page.vue'),
    meta: { public: true, titleKey: 'auth.title', help: 'login' },
  },
];
