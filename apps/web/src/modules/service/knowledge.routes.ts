import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Reading } from '@element-plus/icons-vue';

// Knowledge base (知识库) pages: the list with search, an article, the editor. Every page is its own chunk.
export const knowledgeRoutes: RouteRecordRaw[] = [
  {
    path: 'service/knowledge',
    name: 'knowledge',
    component: () => import('./pages/knowledge-page.vue'),
    meta: { titleKey: 'nav.knowledge', help: 'knowledgeBase', module: 'service', permission: 'service.knowledge.read', nav: { icon: markRaw(Reading), order: 31 } },
  },
  {
    path: 'service/knowledge/new',
    name: 'knowledge-new',
    component: () => import('./pages/knowledge-editor-page.vue'),
    meta: { titleKey: 'knowledge.nav.create', help: 'knowledgeEditor', module: 'service', permission: 'service.knowledge.manage' },
  },
  {
    path: 'service/knowledge/:id',
    name: 'knowledge-article',
    component: () => import('./pages/knowledge-article-page.vue'),
    meta: { titleKey: 'knowledge.nav.article', help: 'knowledgeArticle', module: 'service', permission: 'service.knowledge.read' },
  },
  {
    path: 'service/knowledge/:id/edit',
    name: 'knowledge-edit',
    component: () => import('./pages/knowledge-editor-page.vue'),
    meta: { titleKey: 'knowledge.nav.edit', help: 'knowledgeEditor', module: 'service', permission: 'service.knowledge.manage' },
  },
];
