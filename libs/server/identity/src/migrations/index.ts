import { IdentityInit1795620100000 } from './1795620100000-identity-init.migration';

export const identityMigrations = [IdentityInit1795620100000];
