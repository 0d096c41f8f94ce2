import { setupTestDatabase } from '@kehu/server-testing';
import { serviceTestSchema } from './service-test-kit';

export default () => setupTestDatabase('service', serviceTestSchema);
