import { setupTestDatabase } from '@kehu/server-testing';
import { appSchema } from '../src/app.schema';

export default () => setupTestDatabase('api', appSchema);
