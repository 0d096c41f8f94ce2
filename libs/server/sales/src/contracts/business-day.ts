import type { Clock } from '@kehu/server-core';
import { DEFAULT_TIME_ZONE } from '../activities/time-zone';

/** "Today" for due dates and contract terms: the clock's day in the company's zone (YYYY-MM-DD). */
export function businessDay(clock: Clock, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(clock.now());
}

/** YYYY-MM-DD plus n days (calendar arithmetic in UTC, no zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
