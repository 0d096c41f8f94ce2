import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Setting } from '@element-plus/icons-vue';
import { adminSections } from './admin-sections';

const adminOnly = ['admin'];

export const adminRoutes: RouteRecordRaw[] = [
  {
    path: 'admin',
    component: () => import('./pages/admin-layout-page.vue'),
    // Children inherit this (vue-router merges meta); the sidebar reads each record's own meta.
    meta: { roles: adminOnly },
    children: [
      {
        path: '',
        name: 'admin',
        component: () => import('./pages/admin-overview-page.vue'),
        meta: { titleKey: 'nav.admin', help: 'admin', roles: adminOnly, nav: { icon: markRaw(Setting), order: 90 } },
      },
      ...adminSections.map<RouteRecordRaw>((section) => ({
        path: section.path,
        name: section.name,
        component: section.component,
        meta: { titleKey: `admin.sections.${section.key}`, help: section.help, permission: section.permission },
      })),
    ],
  },
];
