import { Analytics1795622600000 } from './1795622600000-analytics.migration';

export const analyticsMigrations = [Analytics1795622600000];
