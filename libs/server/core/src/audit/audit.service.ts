import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../context/request-context';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, { before: unknown; after: unknown }> | null;
  /** Override the actor (e.g. a failed login has no principal yet). */
  actorId?: string | null;
}

/** Changed fields only, as `{ field: { before, after } }`. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return out;
}

@Injectable()
export class AuditService {
  /** Writes the audit row with the caller's transaction manager, so it commits with the change. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const ctx = requestContext.get();
    const p = ctx?.principal;
    const delegated = p && p.actorId !== p.userId;
    await manager.insert(AuditEvent, {
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      changes: (entry.changes ?? null) as never,
      actorId: entry.actorId !== undefined ? entry.actorId : (p?.actorId ?? null),
      onBehalfOfId: delegated ? p.userId : null,
      apiKeyId: p?.apiKeyId ?? null,
      requestId: ctx?.requestId ?? null,
      ip: ctx?.ip ?? null,
    });
  }
}
