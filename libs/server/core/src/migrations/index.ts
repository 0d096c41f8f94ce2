import { CoreInit1795620000000 } from './1795620000000-core-init.migration';
import { Notifications1795620900000 } from './1795620900000-notifications.migration';
import { ChangeSignals1795622300000 } from './1795622300000-change-signals.migration';
import { Bigrams1795622320000 } from './1795622320000-bigrams.migration';
import { BigramsUnsorted1795622520000 } from './1795622520000-bigrams-unsorted.migration';

export const coreMigrations = [CoreInit1795620000000, Notifications1795620900000, ChangeSignals1795622300000, Bigrams1795622320000, BigramsUnsorted1795622520000];
