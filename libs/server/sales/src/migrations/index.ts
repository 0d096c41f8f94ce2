import { Activities1795620600000 } from './1795620600000-activities.migration';
import { Opportunities1795620700000 } from './1795620700000-opportunities.migration';
import { Leads1795620800000 } from './1795620800000-leads.migration';
import { OpportunitiesBoardIndex1795621500000 } from './1795621500000-opportunities-board-index.migration';

export const salesMigrations = [Activities1795620600000, Opportunities1795620700000, Leads1795620800000, OpportunitiesBoardIndex1795621500000];
