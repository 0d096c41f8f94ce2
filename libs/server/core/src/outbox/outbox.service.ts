import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../context/request-context';
import { OutboxEvent } from './outbox-event.entity';

export interface DomainEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  /** Must be called with the transaction's manager: the event exists iff the change committed. */
  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    await manager.insert(OutboxEvent, {
      type: event.type,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      payload: (event.payload ?? {}) as never,
      actorId: requestContext.get()?.principal?.actorId ?? null,
    });
  }

  /** Many events of one type in one statement (bulk writes), with the caller's transaction. */
  async publishMany(manager: EntityManager, type: string, aggregateType: string, events: { aggregateId: string; payload?: Record<string, unknown> }[], actorId?: string | null): Promise<void> {
    if (!events.length) return;
    const actor = actorId !== undefined ? actorId : (requestContext.get()?.principal?.actorId ?? null);
    await manager.query(
      `INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload, actor_id) SELECT $1, $2, x.id, coalesce(x.payload, '{}'::jsonb), $3 FROM jsonb_to_recordset($4::jsonb) AS x(id text, payload jsonb)`,
      [type, aggregateType, actor, JSON.stringify(events.map((e) => ({ id: e.aggregateId, payload: e.payload ?? {} })))],
    );
  }
}
