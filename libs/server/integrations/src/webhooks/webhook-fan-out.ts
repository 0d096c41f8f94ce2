import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboxDispatcher, type OutboxEvent } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { ActiveWebhookPatterns } from './active-webhook-patterns';
import type { WebhookEnvelope } from './webhook-delivery.entity';
import { eventMatchesSql } from './webhook-event-pattern';

/** The body every receiver gets for an outbox event. */
export function envelopeOf(event: OutboxEvent): WebhookEnvelope {
  return {
    id: String(event.id),
    type: event.type,
    occurredAt: new Date(event.occurredAt).toISOString(),
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    data: event.payload ?? {},
    actorId: event.actorId,
  };
}

/**
 * The outbox's webhook subscriber: one pending delivery per active subscription whose patterns
 * match, written in the dispatcher's transaction (the events are marked delivered iff the rows
 * commit) — one statement for all of a batch's events, in event order (a delivery's `seq` is the
 * order subscriptions receive them). The dispatcher is at-least-once; the unique (subscription,
 * event) makes the fan-out exactly-once. Sending is the worker's job, never inside this transaction.
 */
@Injectable()
export class WebhookFanOut implements OnModuleInit {
  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly patterns: ActiveWebhookPatterns,
  ) {}

  onModuleInit(): void {
    this.dispatcher.subscribeBatch((type) => this.patterns.wants(type), async (events, manager) => void (await this.fanOut(events, manager)));
  }

  async fanOut(events: OutboxEvent[], manager: EntityManager): Promise<number> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, payload)
       SELECT s.id, e.id, e.type, e.envelope
         FROM jsonb_to_recordset($1::jsonb) AS e(id bigint, type text, envelope jsonb)
         JOIN webhook_subscriptions s ON s.active AND s.deleted_at IS NULL AND ${eventMatchesSql('s.events', 'e.type')}
        ORDER BY e.id, s.id
       ON CONFLICT (subscription_id, event_id) DO NOTHING
       RETURNING id`,
      [JSON.stringify(events.map((event) => ({ id: event.id, type: event.type, envelope: envelopeOf(event) })))],
    );
    return rows.length;
  }
}
