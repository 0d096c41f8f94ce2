import { IdentityInit1795620100000 } from './1795620100000-identity-init.migration';
import { ApiKeysDelegations1795620300000 } from './1795620300000-api-keys-delegations.migration';
import { PrincipalChangeSignals1795622310000 } from './1795622310000-principal-change-signals.migration';

export const identityMigrations = [IdentityInit1795620100000, ApiKeysDelegations1795620300000, PrincipalChangeSignals1795622310000];
