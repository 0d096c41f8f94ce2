import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  KnowledgeArticleStatus,
  type CreateKnowledgeArticleDto,
  type KnowledgeArticleDto,
  type KnowledgeFeedbackResultDto,
  type UpdateKnowledgeArticleDto,
} from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, fieldError, OutboxService, type Principal, restoreRow, softDeleteRow, TransactionService, updateVersioned } from '@kehu/server-core';
import type { EntityManager } from 'typeorm';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeRepository } from './knowledge.repository';

const ENTITY = 'knowledge_article';
const LABEL = 'KnowledgeArticle';

/** 409 KNOWLEDGE_STATUS_TRANSITION naming the current status and what the action needs. */
export function knowledgeTransitionError(status: string, action: string, allowed: string[]): DomainException {
  return new DomainException(ErrorCode.KNOWLEDGE_STATUS_TRANSITION, `Cannot ${action} a ${status} knowledge article (only ${allowed.join(' / ')}).`, { extensions: { currentStatus: status, allowed } });
}

/** The text fields an edit may change, in the order the audit lists them. */
const EDITABLE = ['title', 'problem', 'solution', 'category', 'tags', 'caseType'] as const;
const REQUIRED: readonly string[] = ['title', 'problem', 'solution'];

/**
 * The knowledge base (知识库): managers write drafts, publish them for every reader and archive
 * them; readers open (counted views) and rate them. Every change commits with its audit row and
 * outbox event; views are a counter only (no version bump, no audit: reading changes no content).
 */
@Injectable()
export class KnowledgeService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: KnowledgeRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  get(principal: Principal, id: string): Promise<KnowledgeArticleDto> {
    return this.repo.dto(principal, id);
  }

  /** A draft by the caller, numbered KB-000123 from a sequence. */
  create(principal: Principal, dto: CreateKnowledgeArticleDto): Promise<KnowledgeArticleDto> {
    return this.tx.run(async (m) => {
      const [{ n }] = await m.query(`SELECT nextval('knowledge_article_number_seq')::int AS n`);
      const record = {
        number: `KB-${String(n).padStart(6, '0')}`,
        title: dto.title,
        problem: dto.problem,
        solution: dto.solution,
        category: dto.category || null,
        tags: dto.tags ?? [],
        caseType: dto.caseType ?? null,
        status: KnowledgeArticleStatus.DRAFT,
        ownerId: principal.userId,
        departmentId: principal.departmentId,
      };
      const result = await m.insert(KnowledgeArticle, { ...record, createdBy: principal.actorId });
      const id = result.identifiers[0].id as string;
      await this.audit.record(m, { action: 'create', entityType: ENTITY, entityId: id, changes: diff({}, record) });
      await this.outbox.publish(m, { type: 'knowledge_article.created', aggregateType: ENTITY, aggregateId: id, payload: { number: record.number, category: record.category } });
      return this.repo.dto(principal, id, m);
    });
  }

  /** Needs If-Match; a published article stays published with the new text. */
  update(principal: Principal, id: string, version: number, dto: UpdateKnowledgeArticleDto): Promise<KnowledgeArticleDto> {
    return this.tx.run(async (m) => {
      const before = await this.repo.get(principal, id, { manage: true, manager: m });
      const changes: Partial<KnowledgeArticle> = {};
      for (const key of EDITABLE) {
        const value = dto[key];
        if (value === undefined) continue;
        if (value === null && REQUIRED.includes(key)) throw fieldError(key, 'isNotEmpty', `${key} cannot be cleared`);
        (changes as Record<string, unknown>)[key] = key === 'category' ? value || null : key === 'tags' ? (value ?? []) : value;
      }
      await updateVersioned(m, KnowledgeArticle, id, version, changes, LABEL);
      const changed = diff(pick(before), { ...pick(before), ...changes });
      await this.audit.record(m, { action: 'update', entityType: ENTITY, entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'knowledge_article.updated', aggregateType: ENTITY, aggregateId: id, payload: { status: before.status, fields: Object.keys(changed) } });
      return this.repo.dto(principal, id, m);
    });
  }

  /** draft / archived → published, stamped with who and when. */
  publish(principal: Principal, id: string): Promise<KnowledgeArticleDto> {
    return this.step(principal, id, 'publish', [KnowledgeArticleStatus.DRAFT, KnowledgeArticleStatus.ARCHIVED], () => ({
      status: KnowledgeArticleStatus.PUBLISHED,
      publishedAt: this.clock.now(),
      publishedBy: principal.actorId,
    }));
  }

  /** draft / published → archived: withdrawn from readers, kept for managers (publish brings it back). */
  archive(principal: Principal, id: string): Promise<KnowledgeArticleDto> {
    return this.step(principal, id, 'archive', [KnowledgeArticleStatus.DRAFT, KnowledgeArticleStatus.PUBLISHED], () => ({ status: KnowledgeArticleStatus.ARCHIVED }));
  }

  /** To the recycle bin, in any status (cases keep their link; a resolve can no longer pick it). */
  remove(principal: Principal, id: string): Promise<void> {
    return this.tx.run(async (m) => {
      const a = await this.repo.get(principal, id, { manage: true, lock: true, manager: m });
      await softDeleteRow(m, KnowledgeArticle, id, LABEL);
      await this.audit.record(m, { action: 'delete', entityType: ENTITY, entityId: id });
      await this.outbox.publish(m, { type: 'knowledge_article.deleted', aggregateType: ENTITY, aggregateId: id, payload: { status: a.status } });
    });
  }

  restore(principal: Principal, id: string): Promise<KnowledgeArticleDto> {
    return this.tx.run(async (m) => {
      const a = await this.repo.manageable(principal, m).withDeleted().andWhere('a.id = :id AND a.deleted_at IS NOT NULL', { id }).getOne();
      if (!a) throw DomainException.notFound(LABEL);
      await restoreRow(m, KnowledgeArticle, id, LABEL);
      await this.audit.record(m, { action: 'restore', entityType: ENTITY, entityId: id });
      await this.outbox.publish(m, { type: 'knowledge_article.restored', aggregateType: ENTITY, aggregateId: id, payload: { status: a.status } });
      return this.repo.dto(principal, id, m);
    });
  }

  /**
   * A reader opened it: +1 view for a published article (a manager's preview of a draft is not
   * counted). One atomic UPDATE; neither the version nor updated_at moves, so an editor's
   * If-Match stays valid while people read.
   */
  async view(principal: Principal, id: string): Promise<void> {
    const a = await this.repo.get(principal, id);
    if (a.status === KnowledgeArticleStatus.PUBLISHED) await this.repo.countView(id);
  }

  /**
   * One vote per person and published article; sending the other answer moves the vote. The
   * vote row (insert … on conflict) decides, the counters move by an atomic UPDATE, so
   * concurrent votes all count and a repeated one counts once.
   */
  rate(principal: Principal, id: string, helpful: boolean): Promise<KnowledgeFeedbackResultDto> {
    return this.tx.run(async (m) => {
      const a = await this.repo.get(principal, id, { manager: m });
      if (a.status !== KnowledgeArticleStatus.PUBLISHED) throw knowledgeTransitionError(a.status, 'rate', [KnowledgeArticleStatus.PUBLISHED]);
      const previous = await this.vote(m, id, principal.userId, helpful);
      if (previous === helpful) return { helpfulCount: a.helpfulCount, notHelpfulCount: a.notHelpfulCount, myFeedback: helpful };
      const up = (yes: boolean) => (helpful === yes ? 1 : 0) - (previous === yes ? 1 : 0);
      // An UPDATE through TypeORM's query runner answers [rows, affected].
      const [[row]]: [{ helpful_count: number; not_helpful_count: number }[], number] = await m.query(
        `UPDATE knowledge_articles SET helpful_count = helpful_count + $2, not_helpful_count = not_helpful_count + $3 WHERE id = $1 RETURNING helpful_count, not_helpful_count`,
        [id, up(true), up(false)],
      );
      const counts = { helpfulCount: row.helpful_count, notHelpfulCount: row.not_helpful_count };
      await this.audit.record(m, { action: 'feedback', entityType: ENTITY, entityId: id, changes: { helpful: { before: previous, after: helpful } } });
      await this.outbox.publish(m, { type: 'knowledge_article.rated', aggregateType: ENTITY, aggregateId: id, payload: { helpful, previous, ...counts } });
      return { ...counts, myFeedback: helpful };
    });
  }

  /** Records the vote; answers the one it replaced (null: first vote). */
  private async vote(m: EntityManager, articleId: string, userId: string, helpful: boolean): Promise<boolean | null> {
    const inserted = await m.query(
      `INSERT INTO knowledge_article_feedback (article_id, user_id, helpful) VALUES ($1, $2, $3) ON CONFLICT (article_id, user_id) DO NOTHING RETURNING helpful`,
      [articleId, userId, helpful],
    );
    if (inserted.length) return null;
    // A concurrent first vote of the same person has committed by now (the insert waited for it).
    const [existing]: { helpful: boolean }[] = await m.query(`SELECT helpful FROM knowledge_article_feedback WHERE article_id = $1 AND user_id = $2 FOR UPDATE`, [articleId, userId]);
    if (existing.helpful !== helpful) {
      await m.query(`UPDATE knowledge_article_feedback SET helpful = $3, updated_at = now() WHERE article_id = $1 AND user_id = $2`, [articleId, userId, helpful]);
    }
    return existing.helpful;
  }

  /** One status step: row lock, allowed-from check, update (version + 1), audit and outbox in one transaction. */
  private step(principal: Principal, id: string, action: string, from: string[], changes: () => Partial<KnowledgeArticle>): Promise<KnowledgeArticleDto> {
    return this.tx.run(async (m) => {
      const a = await this.repo.get(principal, id, { manage: true, lock: true, manager: m });
      if (!from.includes(a.status)) throw knowledgeTransitionError(a.status, action, from);
      const next = changes();
      await m.update(KnowledgeArticle, { id }, { ...next, version: () => 'version + 1' } as never);
      await this.audit.record(m, { action, entityType: ENTITY, entityId: id, changes: diff({ status: a.status }, { status: next.status }) });
      await this.outbox.publish(m, { type: `knowledge_article.${action === 'publish' ? 'published' : 'archived'}`, aggregateType: ENTITY, aggregateId: id, payload: { status: next.status, category: a.category } });
      return this.repo.dto(principal, id, m);
    });
  }
}

function pick(a: KnowledgeArticle): Record<string, unknown> {
  return Object.fromEntries(EDITABLE.map((k) => [k, a[k]]));
}
