import { setupTestDatabase } from '@kehu/server-testing';
import { customersTestSchema } from './customers-test-kit';

export default () => setupTestDatabase('customers', customersTestSchema);
