import { setupTestDatabase } from '@kehu/server-testing';
import { integrationsTestSchema } from './integrations-test-kit';

export default () => setupTestDatabase('integrations', integrationsTestSchema);
