import { setupTestDatabase } from '@kehu/server-testing';
import { coreEntities, coreMigrations } from '../src';

export default () => setupTestDatabase('core', { entities: coreEntities, migrations: coreMigrations });
