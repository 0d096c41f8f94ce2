import type { Provider, Type } from '@nestjs/common';

/** One feature area's share of ServiceModule (cases and SLA, knowledge base), kept beside its code. */
export interface ServiceParts {
  entities: Type[];
  controllers: Type[];
  providers: Provider[];
}
