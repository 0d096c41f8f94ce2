import type { RouteRecordRaw } from 'vue-router';
import { casesRoutes } from './cases.routes';
import { knowledgeRoutes } from './knowledge.routes';
import { serviceContractsRoutes } from './service-contracts.routes';
import { workOrdersRoutes } from './work-orders.routes';

/** Customer service (客户服务): cases with SLA, service contracts, work orders, service figures, the knowledge base. */
export const serviceRoutes: RouteRecordRaw[] = [...casesRoutes, ...serviceContractsRoutes, ...workOrdersRoutes, ...knowledgeRoutes];
