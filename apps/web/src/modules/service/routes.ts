import type { RouteRecordRaw } from 'vue-router';
import { casesRoutes } from './cases.routes';
import { knowledgeRoutes } from './knowledge.routes';

/** Customer service (客户服务): cases with SLA, service figures, the knowledge base. */
export const serviceRoutes: RouteRecordRaw[] = [...casesRoutes, ...knowledgeRoutes];
