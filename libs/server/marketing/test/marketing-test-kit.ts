import { analyticsEntities, analyticsMigrations } from '@kehu/server-analytics';
import { coreEntities, coreMigrations } from '@kehu/server-core';
import { CustomersModule, customersEntities, customersMigrations } from '@kehu/server-customers';
import { IdentityModule, identityEntities, identityMigrations } from '@kehu/server-identity';
import { SalesModule, salesEntities, salesMigrations } from '@kehu/server-sales';
import { createTestApp } from '@kehu/server-testing';
import { MarketingModule, marketingEntities, marketingMigrations } from '../src';

/** Analytics' customer_values (read by value conditions) needs sales' orders; so the whole stack below marketing. */
export const marketingTestSchema = {
  entities: [...coreEntities, ...identityEntities, ...customersEntities, ...salesEntities, ...analyticsEntities, ...marketingEntities],
  migrations: [...coreMigrations, ...identityMigrations, ...customersMigrations, ...salesMigrations, ...analyticsMigrations, ...marketingMigrations],
};

export const bootMarketingApp = (env?: Record<string, string>) =>
  createTestApp({ imports: [IdentityModule, MarketingModule, CustomersModule, SalesModule], schema: marketingTestSchema, env });
