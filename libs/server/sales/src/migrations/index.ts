import { Activities1795620600000 } from './1795620600000-activities.migration';
import { Opportunities1795620700000 } from './1795620700000-opportunities.migration';
import { Leads1795620800000 } from './1795620800000-leads.migration';
import { Pools1795621000000 } from './1795621000000-pools.migration';
import { ContactsFollowOwnerSet1795621010000 } from './1795621010000-contacts-follow-owner-set.migration';

export const salesMigrations = [Activities1795620600000, Opportunities1795620700000, Leads1795620800000, Pools1795621000000, ContactsFollowOwnerSet1795621010000];
