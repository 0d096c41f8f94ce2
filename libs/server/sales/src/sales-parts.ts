import type { Provider, Type } from '@nestjs/common';

/** One feature area's share of SalesModule, kept beside its code so the module file stays a list of areas. */
export interface SalesParts {
  entities: Type[];
  controllers: Type[];
  providers: Provider[];
}
