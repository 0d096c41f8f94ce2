import { coreEntities, coreMigrations, type SchemaParts } from '@kehu/server-core';
import { identityEntities, identityMigrations } from '@kehu/server-identity';

/** Every entity and migration of the app; the order of migrations is their timestamp. */
export const appSchema: SchemaParts = {
  entities: [...coreEntities, ...identityEntities],
  migrations: [...coreMigrations, ...identityMigrations],
};
