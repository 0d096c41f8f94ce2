import { coreEntities, coreMigrations } from '@kehu/server-core';
import { CustomersModule, customersEntities, customersMigrations } from '@kehu/server-customers';
import { IdentityModule, identityEntities, identityMigrations } from '@kehu/server-identity';
import { SalesModule, salesEntities, salesMigrations } from '@kehu/server-sales';
import { createTestApp } from '@kehu/server-testing';
import { IntegrationsModule, integrationsEntities, integrationsMigrations } from '../src';

export const integrationsTestSchema = {
  entities: [...coreEntities, ...identityEntities, ...customersEntities, ...salesEntities, ...integrationsEntities],
  migrations: [...coreMigrations, ...identityMigrations, ...customersMigrations, ...salesMigrations, ...integrationsMigrations],
};

/** As the app wires it: integrations first, so its fixed paths route before /customers/:id. */
export const bootIntegrationsApp = (env?: Record<string, string>) => createTestApp({ imports: [IdentityModule, IntegrationsModule, CustomersModule, SalesModule], schema: integrationsTestSchema, env });
