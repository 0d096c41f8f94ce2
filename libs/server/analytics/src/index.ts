export * from './analytics.module';
export * from './migrations';
export * from './values/value-scoring.service';
export * from './revenue/revenue-rollup.job';

/** Analytics keeps its tables as SQL read models: no TypeORM entities. */
export const analyticsEntities: never[] = [];
