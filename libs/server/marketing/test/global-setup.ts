import { setupTestDatabase } from '@kehu/server-testing';
import { marketingTestSchema } from './marketing-test-kit';

export default () => setupTestDatabase('marketing', marketingTestSchema);
