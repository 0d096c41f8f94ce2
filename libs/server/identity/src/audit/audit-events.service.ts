import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventDto, ListAuditEventsQuery, Page, PageQueryDto } from '@kehu/contracts';
import { AuditEvent, paginate, parseSort } from '@kehu/server-core';
import { DataSource, type SelectQueryBuilder } from 'typeorm';

const sort = parseSort(undefined, { occurredAt: { expression: 'a.id', key: 'id' } }, '-occurredAt', { expression: 'a.id', key: 'id' });

/**
 * Reads the audit log: the admin viewer and every detail page's History tab. The caller
 * checks that the record itself is in scope before asking for its history.
 */
@Injectable()
export class AuditEventsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  list(query: ListAuditEventsQuery): Promise<Page<AuditEventDto>> {
    const qb = this.base();
    if (query.actorId) qb.andWhere('a.actor_id = :actor', { actor: query.actorId });
    if (query.entityType) qb.andWhere('a.entity_type = :type', { type: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :eid', { eid: query.entityId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.occurred_at < :to', { to: query.to });
    return this.page(qb, query);
  }

  /** One record's history, newest first. */
  history(entityType: string, entityId: string, query: PageQueryDto): Promise<Page<AuditEventDto>> {
    return this.page(this.base().andWhere('a.entity_type = :type AND a.entity_id = :eid', { type: entityType, eid: entityId }), query);
  }

  private base(): SelectQueryBuilder<AuditEvent> {
    return this.ds.getRepository(AuditEvent).createQueryBuilder('a');
  }

  private async page(qb: SelectQueryBuilder<AuditEvent>, query: PageQueryDto): Promise<Page<AuditEventDto>> {
    const page = await paginate(qb, { sort, cursor: query.cursor, limit: query.limit, count: query.count });
    // Actor names for the whole page in one query (no lookup per row).
    const ids = page.data.map((e) => e.id);
    const names = ids.length ? await this.ds.query(`SELECT a.id::text AS id, u.name FROM audit_events a JOIN users u ON u.id = a.actor_id WHERE a.id = ANY($1::bigint[])`, [ids]) : [];
    const byId = new Map<string, string>(names.map((n: { id: string; name: string }) => [n.id, n.name]));
    return { ...page, data: page.data.map((e) => toDto(e, byId.get(String(e.id)) ?? null)) };
  }
}

function toDto(e: AuditEvent, actorName: string | null): AuditEventDto {
  return {
    id: String(e.id),
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName,
    onBehalfOfId: e.onBehalfOfId,
    apiKeyId: e.apiKeyId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changes: e.changes,
    requestId: e.requestId,
    ip: e.ip,
  };
}
