import type { CaseChannel, CaseDto, CaseEventDto, CaseEventKind, CasePriority, CaseStatus, CaseType } from '@kehu/contracts';
import { clockState, isFirstContactResolution } from './case-rules';
import type { CaseEvent, ServiceCase } from './service-case.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of a case; the clocks' states are read against `now` (the server's clock). */
export function toCaseDto(c: ServiceCase, names: { customer?: string | null; owner?: string | null }, now: Date): CaseDto {
  const resolved = c.resolvedAt;
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    description: c.description,
    type: c.type as CaseType,
    priority: c.priority as CasePriority,
    status: c.status as CaseStatus,
    channel: c.channel as CaseChannel,
    customerId: c.customerId,
    customerName: names.customer ?? null,
    contactId: c.contactId,
    serviceContractId: c.serviceContractId,
    ownerId: c.ownerId,
    ownerName: names.owner ?? null,
    departmentId: c.departmentId,
    response: {
      dueAt: iso(c.responseDueAt),
      stoppedAt: iso(c.firstRespondedAt),
      state: clockState({ dueAt: c.responseDueAt, stoppedAt: c.firstRespondedAt, startedAt: c.createdAt, breachedAt: c.responseBreachedAt }, now),
    },
    resolution: {
      dueAt: iso(c.resolutionDueAt),
      stoppedAt: iso(resolved),
      state: clockState({ dueAt: c.resolutionDueAt, stoppedAt: resolved, startedAt: c.createdAt, breachedAt: c.resolutionBreachedAt, paused: c.pausedAt !== null }, now),
    },
    resolutionNote: c.resolutionNote,
    knowledgeArticleId: c.knowledgeArticleId,
    replyCount: c.replyCount,
    reopenCount: c.reopenCount,
    firstContactResolution: isFirstContactResolution(c),
    closedAt: iso(c.closedAt),
    satisfaction: c.satisfaction,
    satisfactionComment: c.satisfactionComment,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    createdBy: c.createdBy,
    version: c.version,
  };
}

export function toCaseEventDto(e: CaseEvent, actorName: string | null): CaseEventDto {
  return { id: e.id, kind: e.kind as CaseEventKind, body: e.body, data: e.data, actorId: e.actorId, actorName, createdAt: e.createdAt.toISOString() };
}
