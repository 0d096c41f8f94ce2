import { teardownTestDatabase } from '@kehu/server-testing';

export default teardownTestDatabase;
