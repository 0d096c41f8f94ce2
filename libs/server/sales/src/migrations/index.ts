import { Activities1795620600000 } from './1795620600000-activities.migration';
import { Opportunities1795620700000 } from './1795620700000-opportunities.migration';
import { Leads1795620800000 } from './1795620800000-leads.migration';
import { Pools1795621000000 } from './1795621000000-pools.migration';
import { Revenue1795621110000 } from './1795621110000-revenue.migration';
import { ContractsReceivablesTargets1795621200000 } from './1795621200000-contracts-receivables-targets.migration';
import { OpportunitiesBoardIndex1795621500000 } from './1795621500000-opportunities-board-index.migration';
import { LeadActivities1795622100000 } from './1795622100000-lead-activities.migration';
import { SalesSearchBigrams1795622340000 } from './1795622340000-search-bigrams.migration';
import { WebForms1795622400000 } from './1795622400000-web-forms.migration';

export const salesMigrations = [Activities1795620600000, Opportunities1795620700000, Leads1795620800000, Pools1795621000000, Revenue1795621110000, ContractsReceivablesTargets1795621200000, OpportunitiesBoardIndex1795621500000, LeadActivities1795622100000, SalesSearchBigrams1795622340000, WebForms1795622400000];
