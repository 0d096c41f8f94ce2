import { CoreInit1795620000000 } from './1795620000000-core-init.migration';
import { Notifications1795620900000 } from './1795620900000-notifications.migration';

export const coreMigrations = [CoreInit1795620000000, Notifications1795620900000];
