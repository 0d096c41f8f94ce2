import { dateTimeFormat } from './intl-formatters';

/** A timestamp in the UI language, to the minute; `—` for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat({ dateStyle: 'medium' }).format(date);
}

/** 0.256 → "26%". */
export const formatPercent = (share: number): string => `${Math.round(share * 100)}%`;
