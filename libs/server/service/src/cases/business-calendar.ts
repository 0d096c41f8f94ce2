import type { BusinessCalendarDto } from '@kehu/contracts';

/**
 * Business-time arithmetic for SLA clocks: adds working minutes to an instant and counts
 * the working minutes between two, in the calendar's own time zone, with its weekly hours,
 * public holidays and the weekend days worked instead (调休, with Monday's hours).
 * Pure functions on UTC instants; the zone's offset is read per day from Intl, so daylight
 * saving zones work too.
 */
export type BusinessCalendar = Pick<BusinessCalendarDto, 'timeZone' | 'workingHours' | 'holidays' | 'extraWorkdays'>;

const MINUTE = 60_000;
/** Far enough for a year-long target over a calendar with one working hour a week. */
const MAX_DAYS = 3_700;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock parts of an instant in the zone. */
function wall(timeZone: string, ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { y: +parts.year, mo: +parts.month, d: +parts.day, h: +parts.hour, mi: +parts.minute, s: +parts.second };
}

/** Minutes the zone is ahead of UTC at the instant. */
function offsetMinutes(timeZone: string, ms: number): number {
  const w = wall(timeZone, ms);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000) / MINUTE);
}

/** The instant a wall-clock time of a day happens in the zone (two passes settle DST edges). */
function instantOf(timeZone: string, day: number, minuteOfDay: number): number {
  const naive = day + minuteOfDay * MINUTE;
  let ms = naive - offsetMinutes(timeZone, naive) * MINUTE;
  ms = naive - offsetMinutes(timeZone, ms) * MINUTE;
  return ms;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** A day as the UTC midnight of its date (a label, not an instant). */
const dayKey = (day: number) => new Date(day).toISOString().slice(0, 10);
/** ISO weekday 1 (Monday) … 7 (Sunday) of a day label. */
const weekdayOf = (day: number) => ((new Date(day).getUTCDay() + 6) % 7) + 1;

/** The working intervals of one day as instants, in order. */
function intervalsOf(cal: BusinessCalendar, day: number, holidays: Set<string>, extra: Set<string>): [number, number][] {
  const key = dayKey(day);
  if (holidays.has(key)) return [];
  const weekday = extra.has(key) ? 1 : weekdayOf(day);
  return cal.workingHours
    .filter((w) => w.weekday === weekday)
    .map((w) => [toMinutes(w.start), toMinutes(w.end)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0])
    .map(([s, e]) => [instantOf(cal.timeZone, day, s), instantOf(cal.timeZone, day, e)]);
}

/** The local day (as a label) an instant falls on. */
function localDay(timeZone: string, ms: number): number {
  const w = wall(timeZone, ms);
  return Date.UTC(w.y, w.mo - 1, w.d);
}

/** True when the calendar has any working time at all (else clocks would never end). */
export function hasWorkingTime(cal: BusinessCalendar): boolean {
  return cal.workingHours.some((w) => toMinutes(w.end) > toMinutes(w.start)) || false;
}

/** `from` plus `minutes` of working time (the instant the clock runs out). */
export function addBusinessMinutes(cal: BusinessCalendar, from: Date, minutes: number): Date {
  if (minutes <= 0) return from;
  if (!hasWorkingTime(cal)) return new Date(from.getTime() + minutes * MINUTE);
  const holidays = new Set(cal.holidays);
  const extra = new Set(cal.extraWorkdays);
  let left = minutes * MINUTE;
  const start = from.getTime();
  let day = localDay(cal.timeZone, start);
  for (let i = 0; i < MAX_DAYS; i++, day += 86_400_000) {
    for (const [s, e] of intervalsOf(cal, day, holidays, extra)) {
      if (e <= start) continue;
      const begin = Math.max(s, start);
      if (e - begin >= left) return new Date(begin + left);
      left -= e - begin;
    }
  }
  return new Date(start + minutes * MINUTE);
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (!hasWorkingTime(cal)) return Math.round((b - a) / MINUTE);
  const holidays = new Set(cal.holidays);
  const extra = new Set(cal.extraWorkdays);
  let total = 0;
  const last = localDay(cal.timeZone, b);
  for (let day = localDay(cal.timeZone, a), i = 0; day <= last && i < MAX_DAYS; day += 86_400_000, i++) {
    for (const [s, e] of intervalsOf(cal, day, holidays, extra)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return Math.round(total / MINUTE);
}

/** Adds minutes of working time, or wall-clock minutes for a 7 × 24 target. */
export function addTargetMinutes(cal: BusinessCalendar, from: Date, minutes: number, businessHours: boolean): Date {
  return businessHours ? addBusinessMinutes(cal, from, minutes) : new Date(from.getTime() + minutes * MINUTE);
}

export function targetMinutesBetween(cal: BusinessCalendar, from: Date, to: Date, businessHours: boolean): number {
  return businessHours ? businessMinutesBetween(cal, from, to) : Math.max(0, Math.round((to.getTime() - from.getTime()) / MINUTE));
}

/** The calendar date (YYYY-MM-DD) an instant falls on in the zone. */
export function localDate(timeZone: string, at: Date): string {
  return dayKey(localDay(timeZone, at.getTime()));
}
