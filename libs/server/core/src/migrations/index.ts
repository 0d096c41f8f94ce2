import { CoreInit1795620000000 } from './1795620000000-core-init.migration';

export const coreMigrations = [CoreInit1795620000000];
