import { CustomersInit1795620400000 } from './1795620400000-customers-init.migration';

export const customersMigrations = [CustomersInit1795620400000];
