import { CustomersInit1795620400000 } from './1795620400000-customers-init.migration';
import { CustomFields1795620450000 } from './1795620450000-custom-fields.migration';
import { Contacts1795620500000 } from './1795620500000-contacts.migration';
import { SavedViews1795620550000 } from './1795620550000-saved-views.migration';
import { CustomerOwnership1795620910000 } from './1795620910000-customer-ownership.migration';
import { ContactsFollowOwnerSet1795621010000 } from './1795621010000-contacts-follow-owner-set.migration';
import { CustomerGradeOverride1795621100000 } from './1795621100000-customer-grade-override.migration';
import { CustomersOwnerFilterIndex1795621510000 } from './1795621510000-customers-owner-filter-index.migration';
import { ContactsFollowOwnerIndexed1795621600000 } from './1795621600000-contacts-follow-owner-indexed.migration';
import { SearchBigrams1795622330000 } from './1795622330000-search-bigrams.migration';
import { GinFastupdateOff1795622350000 } from './1795622350000-gin-fastupdate-off.migration';
import { ContactsScopeThroughCustomer1795622500000 } from './1795622500000-contacts-scope-through-customer.migration';
import { CustomerSearchTerms1795622510000 } from './1795622510000-customer-search-terms.migration';
import { SearchTermsPendingList1795622530000 } from './1795622530000-search-terms-pending-list.migration';
import { ContactConsentMasks1795622800000 } from './1795622800000-contact-consent-masks.migration';
import { SearchTermsCascadeTrigger1795622900000 } from './1795622900000-search-terms-cascade-trigger.migration';
import { CustomFieldChangeSignals1795622910000 } from './1795622910000-custom-field-change-signals.migration';

export const customersMigrations = [CustomersInit1795620400000, CustomFields1795620450000, Contacts1795620500000, SavedViews1795620550000, CustomerOwnership1795620910000, ContactsFollowOwnerSet1795621010000, CustomerGradeOverride1795621100000, CustomersOwnerFilterIndex1795621510000, ContactsFollowOwnerIndexed1795621600000, SearchBigrams1795622330000, GinFastupdateOff1795622350000, ContactsScopeThroughCustomer1795622500000, CustomerSearchTerms1795622510000, SearchTermsPendingList1795622530000, ContactConsentMasks1795622800000, SearchTermsCascadeTrigger1795622900000, CustomFieldChangeSignals1795622910000];
