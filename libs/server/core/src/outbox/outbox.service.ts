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
}
