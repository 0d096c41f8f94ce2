import type { AuditEventDto, Page } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, clean, type QueryOf } from './admin-http';

export const auditEventsApi = {
  list: (query: QueryOf<'listAuditEvents'> = {}) => body<Page<AuditEventDto>>(api.GET('/api/v1/audit-events', { params: { query: clean(query) } })),
};
