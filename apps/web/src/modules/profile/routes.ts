import type { RouteRecordRaw } from 'vue-router';

export const profileRoutes: RouteRecordRaw[] = [
  {
    path: 'profile',
    name: 'profile',
    component: () => import('./pages/profile-page.vue'),
    meta: { titleKey: 'profile.title', help: 'profile' },
  },
];
