import { Imports1795622000000 } from './1795622000000-imports.migration';

export const integrationsMigrations = [Imports1795622000000];
