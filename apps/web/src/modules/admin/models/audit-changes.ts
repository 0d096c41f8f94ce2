import type { AuditEventDto } from '@kehu/contracts';

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
}

/** Fields whose values are secrets or hashes: never shown, even if an event carries them. */
const hidden = /password|secret|hash|token/i;

/** A value as one line of text; `—` for nothing. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The changed fields of an audit event, before → after, sorted by field name. */
export function changeRows(changes: AuditEventDto['changes']): ChangeRow[] {
  if (!changes) return [];
  return Object.entries(changes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([field, change]) =>
      hidden.test(field)
        ? { field, before: '•••', after: '•••' }
        : { field, before: formatValue(change?.before), after: formatValue(change?.after) },
    );
}
