import { coreEntities, coreMigrations } from '@kehu/server-core';
import { CustomersModule, customersEntities, customersMigrations } from '@kehu/server-customers';
import { IdentityModule, identityEntities, identityMigrations } from '@kehu/server-identity';
import { createTestApp } from '@kehu/server-testing';
import { ServiceModule, serviceEntities, serviceMigrations } from '../src';

/** Service stands on identity and customers only (cases name a customer and a contact). */
export const serviceTestSchema = {
  entities: [...coreEntities, ...identityEntities, ...customersEntities, ...serviceEntities],
  migrations: [...coreMigrations, ...identityMigrations, ...customersMigrations, ...serviceMigrations],
};

export const bootServiceApp = (env?: Record<string, string>) =>
  createTestApp({ imports: [IdentityModule, CustomersModule, ServiceModule], schema: serviceTestSchema, env });
