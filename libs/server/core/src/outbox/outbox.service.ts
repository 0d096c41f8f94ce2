import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../context/request-context';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OutboxEvent } from './outbox-event.entity';

export interface DomainEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
}

/**
 * Records domain events in the writer's transaction. An event of a type no subscriber takes
 * (subscribers register at boot) is stored already delivered: the dispatcher would only fetch it
 * and mark it, which during a 1M-row import was ~30 µs of PostgreSQL a row beside the import.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly dispatcher: OutboxDispatcher) {}

  /** Must be called with the transaction's manager: the event exists iff the change committed. */
  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    await manager.insert(OutboxEvent, {
      type: event.type,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      payload: (event.payload ?? {}) as never,
      actorId: requestContext.get()?.principal?.actorId ?? null,
      ...(this.dispatcher.wants(event.type) ? {} : { dispatchedAt: () => 'now()' }),
    } as never);
  }

  /** Many events of one type in one statement (bulk writes), with the caller's transaction. */
  async publishMany(manager: EntityManager, type: string, aggregateType: string, events: { aggregateId: string; payload?: Record<string, unknown> }[], actorId?: string | null): Promise<void> {
    if (!events.length) return;
    const actor = actorId !== undefined ? actorId : (requestContext.get()?.principal?.actorId ?? null);
    await manager.query(
      `INSERT INTO outbox_events (type, aggregate_type, aggregate_id, payload, actor_id, dispatched_at)
       SELECT $1, $2, x.id, coalesce(x.payload, '{}'::jsonb), $3, CASE WHEN $5::boolean THEN NULL ELSE now() END FROM jsonb_to_recordset($4::jsonb) AS x(id text, payload jsonb)`,
      [type, aggregateType, actor, JSON.stringify(events.map((e) => ({ id: e.aggregateId, payload: e.payload ?? {} }))), this.dispatcher.wants(type)],
    );
  }
}
