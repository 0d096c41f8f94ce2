import { Injectable } from '@nestjs/common';
import { AuditService, diff, OutboxService } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { CaseEvent } from './service-case.entity';

export interface CaseStep {
  /** The history entry (case_events.kind). */
  kind: string;
  body?: string | null;
  data?: Record<string, unknown> | null;
  /** Audit action; default the kind. */
  action?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Outbox event type; default `case.<kind>`. */
  event?: string;
  payload?: Record<string, unknown>;
}

/**
 * Writes what every change of a case leaves behind, in the caller's transaction: the
 * history entry the case page shows, the audit row and the outbox event.
 */
@Injectable()
export class CaseJournal {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(m: EntityManager, c: { id: string; customerId: string; ownerId: string }, actorId: string | null, step: CaseStep): Promise<void> {
    await m.insert(CaseEvent, { caseId: c.id, kind: step.kind, body: step.body ?? null, data: (step.data ?? null) as never, actorId });
    await this.audit.record(m, { action: step.action ?? step.kind, entityType: 'case', entityId: c.id, changes: step.before || step.after ? diff((step.before ?? {}) as never, (step.after ?? {}) as never) : undefined });
    await this.outbox.publish(m, { type: step.event ?? `case.${step.kind}`, aggregateType: 'case', aggregateId: c.id, payload: { customerId: c.customerId, ownerId: c.ownerId, ...step.payload } });
  }
}
