import { Injectable } from '@nestjs/common';
import { CaseEventKind, CaseStatus, ErrorCode, type CaseDto, type CaseReplyDto, type CaseSatisfactionDto, type ResolveCaseDto } from '@kehu/contracts';
import { Clock, DomainException, fieldError, TransactionService, type Principal } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { addTargetMinutes, targetMinutesBetween } from './business-calendar';
import { CaseJournal, type CaseStep } from './case-journal';
import { ACTIVE, DONE, transitionError } from './case-rules';
import { CasesRepository } from './cases.repository';
import { ServiceCase } from './service-case.entity';
import { SlaPolicyService } from './sla-policy.service';

/**
 * A case's working life: replies and notes, taking it up, waiting for the customer (the
 * resolution clock stops and later resumes with the working minutes it had left),
 * resolving, reopening, closing, and the customer's satisfaction. Every step row-locks
 * the case, so two agents racing serialise and an "exactly once" rule holds.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: CasesRepository,
    private readonly sla: SlaPolicyService,
    private readonly journal: CaseJournal,
    private readonly clock: Clock,
  ) {}

  /** A reply to the customer stops the first-response clock and takes a new case up; an internal note changes nothing but the history. */
  reply(principal: Principal, id: string, dto: CaseReplyDto): Promise<CaseDto> {
    return this.step(principal, id, dto.internal ? [...ACTIVE, ...DONE] : ACTIVE, dto.internal ? 'add a note to' : 'reply to', (c, now) => {
      if (dto.internal) return { changes: {}, step: { kind: CaseEventKind.NOTE, action: 'note', body: dto.body, event: 'case.note_added' } };
      const changes: Partial<ServiceCase> = { replyCount: c.replyCount + 1, ...this.responded(c, now) };
      if (c.status === CaseStatus.NEW) changes.status = CaseStatus.OPEN;
      return { changes, step: { kind: CaseEventKind.REPLY, action: 'reply', body: dto.body, event: 'case.replied', payload: { first: !c.firstRespondedAt } } };
    });
  }

  /** new / open / pending → open or pending. Pending pauses the resolution clock; leaving it resumes the clock. */
  setStatus(principal: Principal, id: string, status: CaseStatus, comment?: string): Promise<CaseDto> {
    if (status !== CaseStatus.OPEN && status !== CaseStatus.PENDING) {
      throw fieldError('status', 'openOrPending', 'status must be open or pending (resolve, close and reopen have their own actions)');
    }
    return this.step(principal, id, ACTIVE, `set ${status}`, async (c, now, m) => {
      if (c.status === status) return null;
      const changes: Partial<ServiceCase> = { status };
      if (status === CaseStatus.PENDING) Object.assign(changes, await this.pause(m, c, now));
      else if (c.pausedAt) Object.assign(changes, await this.resume(m, c, now));
      return { changes, step: { kind: CaseEventKind.STATUS, action: 'status', body: comment?.trim() || null, data: { from: c.status, to: status }, before: { status: c.status }, after: { status }, event: 'case.status_changed', payload: { from: c.status, to: status } } };
    });
  }

  /** new / open / pending → resolved: stops both clocks (resolving answers the customer too). */
  resolve(principal: Principal, id: string, dto: ResolveCaseDto): Promise<CaseDto> {
    return this.step(principal, id, ACTIVE, 'resolve', async (c, now, m) => {
      if (dto.knowledgeArticleId) await this.checkArticle(m, dto.knowledgeArticleId);
      const changes: Partial<ServiceCase> = { status: CaseStatus.RESOLVED, resolvedAt: now, resolutionNote: dto.resolution, knowledgeArticleId: dto.knowledgeArticleId ?? null, ...this.responded(c, now) };
      // Resolved while waiting for the customer: the clock had stood still, so it is measured against the minutes it had left.
      const resolutionDueAt = c.pausedAt ? (await this.resume(m, c, now)).resolutionDueAt : c.resolutionDueAt;
      Object.assign(changes, { pausedAt: null, resolutionMinutesLeft: null, resolutionDueAt });
      if (resolutionDueAt && now > resolutionDueAt && !c.resolutionBreachedAt) changes.resolutionBreachedAt = now;
      return { changes, step: { kind: CaseEventKind.RESOLVED, action: 'resolve', body: dto.resolution, data: { knowledgeArticleId: changes.knowledgeArticleId }, before: { status: c.status }, after: { status: CaseStatus.RESOLVED }, payload: { knowledgeArticleId: changes.knowledgeArticleId } } };
    });
  }

  /** resolved / closed → open, counted for the reopen rate; the resolution clock goes on against its first due time. */
  reopen(principal: Principal, id: string, reason: string): Promise<CaseDto> {
    return this.step(principal, id, DONE, 'reopen', (c) => ({
      changes: { status: CaseStatus.OPEN, reopenCount: c.reopenCount + 1, resolvedAt: null, closedAt: null },
      step: { kind: CaseEventKind.REOPENED, action: 'reopen', body: reason, before: { status: c.status }, after: { status: CaseStatus.OPEN }, payload: { reopenCount: c.reopenCount + 1 } },
    }));
  }

  /** resolved → closed (the SLA job also closes resolved cases after the policy's days). */
  close(principal: Principal, id: string, comment?: string): Promise<CaseDto> {
    return this.step(principal, id, [CaseStatus.RESOLVED], 'close', (c, now) => ({
      changes: { status: CaseStatus.CLOSED, closedAt: now },
      step: { kind: CaseEventKind.CLOSED, action: 'close', body: comment?.trim() || null, before: { status: c.status }, after: { status: CaseStatus.CLOSED } },
    }));
  }

  /** The customer's satisfaction (1–5) once resolved, recorded once (409 ALREADY_RATED after). */
  rate(principal: Principal, id: string, dto: CaseSatisfactionDto): Promise<CaseDto> {
    return this.step(principal, id, DONE, 'rate', (c, now) => {
      if (c.satisfaction !== null) throw new DomainException(ErrorCode.ALREADY_RATED, `This case was already rated ${c.satisfaction} of 5.`, { extensions: { satisfaction: c.satisfaction } });
      return {
        changes: { satisfaction: dto.score, satisfactionComment: dto.comment?.trim() || null, satisfactionAt: now },
        step: { kind: CaseEventKind.SATISFACTION, action: 'rate', body: dto.comment?.trim() || null, data: { score: dto.score }, after: { satisfaction: dto.score }, event: 'case.rated', payload: { score: dto.score } },
      };
    });
  }

  /** Row lock, allowed-from check, update (version + 1), journal — one transaction. `null` from the change means nothing to do. */
  private step(
    principal: Principal,
    id: string,
    from: string[],
    action: string,
    change: (c: ServiceCase, now: Date, m: EntityManager) => Promise<{ changes: Partial<ServiceCase>; step: CaseStep } | null> | { changes: Partial<ServiceCase>; step: CaseStep } | null,
  ): Promise<CaseDto> {
    return this.tx.run(async (m) => {
      const c = await this.repo.get(principal, id, 'service.case.update', m, true);
      if (!from.includes(c.status)) throw transitionError(c.status, action, from);
      const now = this.clock.now();
      const out = await change(c, now, m);
      if (out) {
        await m.update(ServiceCase, { id }, { ...out.changes, updatedAt: now, version: () => 'version + 1' } as never);
        await this.journal.record(m, c, principal.actorId, out.step);
      }
      return this.repo.dto(id, m);
    });
  }

  /** The first answer to the customer: stops the response clock, late or not. */
  private responded(c: ServiceCase, now: Date): Partial<ServiceCase> {
    if (c.firstRespondedAt) return {};
    const late = c.responseDueAt && now > c.responseDueAt && !c.responseBreachedAt;
    return { firstRespondedAt: now, ...(late ? { responseBreachedAt: now } : {}) };
  }

  private async pause(m: EntityManager, c: ServiceCase, now: Date): Promise<Partial<ServiceCase>> {
    if (!c.resolutionDueAt) return { pausedAt: now, resolutionMinutesLeft: null };
    const { calendar } = await this.sla.policy(m);
    return { pausedAt: now, resolutionMinutesLeft: targetMinutesBetween(calendar, now, c.resolutionDueAt, c.slaBusinessHours), resolutionDueAt: null };
  }

  private async resume(m: EntityManager, c: ServiceCase, now: Date): Promise<Pick<ServiceCase, 'pausedAt' | 'resolutionMinutesLeft' | 'resolutionDueAt'>> {
    if (c.resolutionMinutesLeft === null) return { pausedAt: null, resolutionMinutesLeft: null, resolutionDueAt: c.resolutionDueAt };
    const { calendar } = await this.sla.policy(m);
    return { pausedAt: null, resolutionMinutesLeft: null, resolutionDueAt: addTargetMinutes(calendar, now, c.resolutionMinutesLeft, c.slaBusinessHours) };
  }

  private async checkArticle(m: EntityManager, articleId: string): Promise<void> {
    const rows = await m.query(`SELECT 1 FROM knowledge_articles WHERE id = $1 AND status = 'published' AND deleted_at IS NULL`, [articleId]);
    if (!rows.length) throw fieldError('knowledgeArticleId', 'published', 'knowledgeArticleId must name a published knowledge article');
  }
}
