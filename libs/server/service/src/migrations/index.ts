import { Cases1795623000100 } from './1795623000100-cases.migration';

export const serviceMigrations = [Cases1795623000100];
