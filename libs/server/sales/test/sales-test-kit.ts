import { coreEntities, coreMigrations } from '@kehu/server-core';
import { CustomersModule, customersEntities, customersMigrations } from '@kehu/server-customers';
import { IdentityModule, identityEntities, identityMigrations } from '@kehu/server-identity';
import { createTestApp } from '@kehu/server-testing';
import { SalesModule, salesEntities, salesMigrations } from '../src';

export const salesTestSchema = {
  entities: [...coreEntities, ...identityEntities, ...customersEntities, ...salesEntities],
  migrations: [...coreMigrations, ...identityMigrations, ...customersMigrations, ...salesMigrations],
};

export const bootSalesApp = (env?: Record<string, string>) => createTestApp({ imports: [IdentityModule, CustomersModule, SalesModule], schema: salesTestSchema, env });
