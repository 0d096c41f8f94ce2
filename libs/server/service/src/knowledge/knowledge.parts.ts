import type { ServiceParts } from '../service-parts';

/** Knowledge base (知识库): articles of problems and their solutions. */
export const knowledgeParts: ServiceParts = {
  entities: [],
  controllers: [],
  providers: [],
};
