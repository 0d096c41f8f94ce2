import { reactive } from 'vue';
import { auditEventsApi } from '../api/audit-events.api';
import { useAuditTrail } from './use-audit-trail';

export interface AuditFilters {
  actorId: string;
  entityType: string;
  entityId: string;
  action: string;
  /** [from, to] from the range picker, or null. */
  range: [Date, Date] | null;
}

/** Query parameters for the filters; blank ones are left out. */
export function auditQuery(filters: AuditFilters) {
  return {
    actorId: filters.actorId || undefined,
    entityType: filters.entityType || undefined,
    entityId: filters.entityId.trim() || undefined,
    action: filters.action || undefined,
    from: filters.range?.[0]?.toISOString(),
    to: filters.range?.[1]?.toISOString(),
  };
}

/** The audit log, newest first, filtered; each change of a filter reloads from the first page. */
export function useAuditLog() {
  const filters = reactive<AuditFilters>({ actorId: '', entityType: '', entityId: '', action: '', range: null });
  const list = useAuditTrail((page) => auditEventsApi.list({ ...page, ...auditQuery(filters) }), { watch: [() => ({ ...filters })], morePageSize: 200 });
  return { filters, ...list };
}
