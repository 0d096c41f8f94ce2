import { Segments1795622700000 } from './1795622700000-segments.migration';

export const marketingMigrations = [Segments1795622700000];
