import { setupTestDatabase } from '@kehu/server-testing';
import { coreEntities, coreMigrations } from '@kehu/server-core';
import { identityEntities, identityMigrations } from '../src';

export default () => setupTestDatabase('identity', { entities: [...coreEntities, ...identityEntities], migrations: [...coreMigrations, ...identityMigrations] });
