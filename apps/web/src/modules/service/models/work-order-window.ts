import { dateTimeFormat } from '@/core/intl-formatters';
import { sameDay } from './work-order-schedule';

// A visit's window in the UI language, in the browser's time: "Fri, Nov 27, 09:00–11:00".
const dayOptions: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
const timeOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

export const formatDay = (d: Date): string => dateTimeFormat(dayOptions).format(d);
export const formatTime = (d: Date): string => dateTimeFormat(timeOptions).format(d);

/** "Fri, Nov 27 09:00–11:00"; a window over midnight names both days. */
export function formatWindow(start: string | Date, end: string | Date): string {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return '—';
  return sameDay(from, to) ? `${formatDay(from)} ${formatTime(from)}–${formatTime(to)}` : `${formatDay(from)} ${formatTime(from)} – ${formatDay(to)} ${formatTime(to)}`;
}

/** "09:00–11:00" where the day is shown already (a day's group, a block); both days when it runs over midnight. */
export function formatTimes(start: string, end: string): string {
  const from = new Date(start);
  const to = new Date(end);
  return sameDay(from, to) ? `${formatTime(from)}–${formatTime(to)}` : formatWindow(from, to);
}
