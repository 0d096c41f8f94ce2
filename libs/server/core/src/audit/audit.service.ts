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

  /**
   * Many audit rows in one statement (imports and other bulk writes): one row per entity,
   * same action and actor, written with the caller's transaction.
   */
  async recordMany(manager: EntityManager, action: string, entityType: string, entries: { entityId: string; changes: AuditEntry['changes'] }[], actorId?: string | null): Promise<void> {
    if (!entries.length) return;
    const ctx = requestContext.get();
    const p = ctx?.principal;
    const actor = actorId !== undefined ? actorId : (p?.actorId ?? null);
    await manager.query(
      `INSERT INTO audit_events (action, entity_type, entity_id, changes, actor_id, on_behalf_of_id, api_key_id, request_id, ip)
       SELECT $1, $2, x.id, x.changes, $3, $4, $5, $6, $7 FROM jsonb_to_recordset($8::jsonb) AS x(id text, changes jsonb)`,
      [action, entityType, actor, p && p.actorId !== p.userId ? p.userId : null, p?.apiKeyId ?? null, ctx?.requestId ?? null, ctx?.ip ?? null, JSON.stringify(entries.map((e) => ({ id: e.entityId, changes: e.changes ?? null })))],
    );
  }
}
