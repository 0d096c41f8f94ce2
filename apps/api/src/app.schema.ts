import { coreEntities, coreMigrations, type SchemaParts } from '@kehu/server-core';
import { customersEntities, customersMigrations } from '@kehu/server-customers';
import { identityEntities, identityMigrations } from '@kehu/server-identity';
import { integrationsEntities, integrationsMigrations } from '@kehu/server-integrations';
import { salesEntities, salesMigrations } from '@kehu/server-sales';
import { analyticsEntities, analyticsMigrations } from '@kehu/server-analytics';
import { marketingEntities, marketingMigrations } from '@kehu/server-marketing';
import { serviceEntities, serviceMigrations } from '@kehu/server-service';

/** Every entity and migration of the app; the order of migrations is their timestamp. */
export const appSchema: SchemaParts = {
  entities: [...coreEntities, ...identityEntities, ...customersEntities, ...salesEntities, ...integrationsEntities, ...analyticsEntities, ...marketingEntities, ...serviceEntities],
  migrations: [...coreMigrations, ...identityMigrations, ...customersMigrations, ...salesMigrations, ...integrationsMigrations, ...analyticsMigrations, ...marketingMigrations, ...serviceMigrations],
};
