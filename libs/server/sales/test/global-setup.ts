import { setupTestDatabase } from '@kehu/server-testing';
import { salesTestSchema } from './sales-test-kit';

export default () => setupTestDatabase('sales', salesTestSchema);
