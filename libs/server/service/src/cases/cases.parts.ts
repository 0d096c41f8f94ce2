import type { ServiceParts } from '../service-parts';

/** Cases (工单) and the SLA policy with its business calendar. */
export const casesParts: ServiceParts = {
  entities: [],
  controllers: [],
  providers: [],
};
