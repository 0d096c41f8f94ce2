import type { RouteRecordRaw } from 'vue-router';

// Knowledge base (知识库) pages.
export const knowledgeRoutes: RouteRecordRaw[] = [];
