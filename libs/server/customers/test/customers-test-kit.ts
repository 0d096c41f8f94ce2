import { coreEntities, coreMigrations } from '@kehu/server-core';
import { IdentityModule, identityEntities, identityMigrations } from '@kehu/server-identity';
import { createTestApp } from '@kehu/server-testing';
import { CustomersModule, customersEntities, customersMigrations } from '../src';

export const customersTestSchema = {
  entities: [...coreEntities, ...identityEntities, ...customersEntities],
  migrations: [...coreMigrations, ...identityMigrations, ...customersMigrations],
};

export const bootCustomersApp = (env?: Record<string, string>) => createTestApp({ imports: [IdentityModule, CustomersModule], schema: customersTestSchema, env });
