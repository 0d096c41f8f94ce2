import { Imports1795622000000 } from './1795622000000-imports.migration';
import { Webhooks1795623100000 } from './1795623100000-webhooks.migration';

export const integrationsMigrations = [Imports1795622000000, Webhooks1795623100000];
