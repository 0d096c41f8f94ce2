import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KnowledgeArticleStatus, KnowledgeLimits, type KnowledgeArticleDto, type KnowledgeCategoryDto, type ListKnowledgeArticlesQuery, type Page } from '@kehu/contracts';
import { applyScope, DomainException, likePattern, paginateJson, parseSort, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { KnowledgeArticle } from './knowledge-article.entity';
import { knowledgeListItemSql, toKnowledgeArticleDto } from './knowledge.mapper';

export const KNOWLEDGE_READ = 'service.knowledge.read';
export const KNOWLEDGE_MANAGE = 'service.knowledge.manage';

/** The searched text; must read exactly as the expression of knowledge_articles_search_bigrams_idx. */
export const KNOWLEDGE_SEARCH_TEXT = `a.title || ' ' || a.problem || ' ' || a.solution`;

const id = { expression: 'a.id', key: 'id' };
const sorts = {
  updatedAt: { expression: 'a.updated_at', key: 'updatedAt' },
  title: { expression: 'a.title', key: 'title' },
  viewCount: { expression: 'a.view_count', key: 'viewCount' },
  helpfulCount: { expression: 'a.helpful_count', key: 'helpfulCount' },
};

/**
 * SQL for "`term` occurs in the article", as core's substringMatch but over the article's own
 * bigram index (knowledge_search_bigrams: linear in the text, for 50,000-character solutions).
 * A one-character term has no bigram: LIKE alone within whatever else narrows the query.
 */
export function articleContains(term: string, likeParam: string, termParam: string): string {
  const like = `lower(${KNOWLEDGE_SEARCH_TEXT}) LIKE lower(:${likeParam})`;
  return [...term].length < 2 ? like : `(knowledge_search_bigrams(${KNOWLEDGE_SEARCH_TEXT}) @> knowledge_search_bigrams(:${termParam}) AND ${like})`;
}

/** The words of a search: split on white space, repeats dropped, at most searchMaxTerms. */
export function searchTerms(q: string | undefined): string[] {
  const words = (q ?? '').split(/\s+/u).filter(Boolean);
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, KnowledgeLimits.searchMaxTerms);
}

/**
 * The data-scope condition of `permission` as SQL, from applyScope itself (the one scope
 * filter), so it can be OR-ed with "published": 'TRUE' for scope all, '1 = 0' for none.
 */
function scopeCondition(principal: Principal, permission: string): { sql: string; params: ObjectLiteral } {
  const parts: string[] = [];
  const params: ObjectLiteral = {};
  const collector = {
    andWhere(sql: string, p?: ObjectLiteral) {
      parts.push(sql);
      Object.assign(params, p);
      return collector;
    },
  };
  applyScope(collector as unknown as SelectQueryBuilder<ObjectLiteral>, principal, permission, { owner: 'a.owner_id', department: 'a.department_id' });
  return { sql: parts.length ? parts.map((s) => `(${s})`).join(' AND ') : 'TRUE', params };
}

/**
 * Every knowledge-article query. What a reader sees: published articles (company knowledge,
 * whatever the read scope), plus drafts and archived ones whose author is in the reader's
 * service.knowledge.manage scope. Writes need that manage scope. Applied here, once.
 */
@Injectable()
export class KnowledgeRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Articles the principal may read. */
  visible(principal: Principal, manager: EntityManager = this.ds.manager): SelectQueryBuilder<KnowledgeArticle> {
    const qb = manager.getRepository(KnowledgeArticle).createQueryBuilder('a');
    const manage = scopeCondition(principal, KNOWLEDGE_MANAGE);
    if (manage.sql === 'TRUE') return qb;
    if (manage.sql === '(1 = 0)') return qb.andWhere(`a.status = '${KnowledgeArticleStatus.PUBLISHED}'`);
    return qb.andWhere(`(a.status = '${KnowledgeArticleStatus.PUBLISHED}' OR ${manage.sql})`, manage.params);
  }

  /** Articles the principal may change (service.knowledge.manage scope over the author). */
  manageable(principal: Principal, manager: EntityManager = this.ds.manager): SelectQueryBuilder<KnowledgeArticle> {
    return applyScope(manager.getRepository(KnowledgeArticle).createQueryBuilder('a'), principal, KNOWLEDGE_MANAGE, { owner: 'a.owner_id', department: 'a.department_id' });
  }

  /** Out of scope reads as absent (404). `manage` for writes; `lock` takes the row lock for a status change. */
  async get(principal: Principal, articleId: string, options: { manage?: boolean; lock?: boolean; manager?: EntityManager } = {}): Promise<KnowledgeArticle> {
    const qb = (options.manage ? this.manageable(principal, options.manager) : this.visible(principal, options.manager)).andWhere('a.id = :articleId', { articleId });
    if (options.lock) qb.setLock('pessimistic_write');
    const a = await qb.getOne();
    if (!a) throw DomainException.notFound('KnowledgeArticle');
    return a;
  }

  /**
   * The full article for a reader in one statement: whether they may manage it, their own
   * feedback and the count of live cases it solved (service_cases.knowledge_article_id).
   */
  async dto(principal: Principal, articleId: string, manager: EntityManager = this.ds.manager): Promise<KnowledgeArticleDto> {
    const manage = scopeCondition(principal, KNOWLEDGE_MANAGE);
    const { entities, raw } = await this.visible(principal, manager)
      .andWhere('a.id = :articleId', { articleId })
      .addSelect(`(${manage.sql})`, 'can_manage')
      .addSelect(`(SELECT f.helpful FROM knowledge_article_feedback f WHERE f.article_id = a.id AND f.user_id = :me)`, 'my_feedback')
      .addSelect(`(SELECT count(*)::int FROM service_cases sc WHERE sc.knowledge_article_id = a.id AND sc.deleted_at IS NULL)`, 'solved_case_count')
      .setParameters({ ...manage.params, me: principal.userId })
      .getRawAndEntities();
    if (!entities.length) throw DomainException.notFound('KnowledgeArticle');
    const r = raw[0] as { can_manage: boolean; my_feedback: boolean | null; solved_case_count: number };
    return toKnowledgeArticleDto(entities[0], { solvedCaseCount: r.solved_case_count, canManage: r.can_manage, myFeedback: r.my_feedback });
  }

  /**
   * Newest change first by default. `q`: each word must occur in title, problem or solution,
   * found through the bigram index (one-character words by LIKE within the other filters).
   */
  list(principal: Principal, q: ListKnowledgeArticlesQuery): Promise<Page<KnowledgeArticleDto>> {
    const qb = q.deleted ? this.manageable(principal).withDeleted().andWhere('a.deleted_at IS NOT NULL') : this.visible(principal);
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.category) qb.andWhere('a.category = :category', { category: q.category });
    if (q.tag) qb.andWhere('a.tags @> ARRAY[:tag]::text[]', { tag: q.tag });
    if (q.caseType) qb.andWhere('(a.case_type = :caseType OR a.case_type IS NULL)', { caseType: q.caseType });
    searchTerms(q.q).forEach((term, i) => qb.andWhere(articleContains(term, `qLike${i}`, `qText${i}`), { [`qLike${i}`]: likePattern(term), [`qText${i}`]: term }));
    const sort = parseSort(q.sort, sorts, '-updatedAt', id);
    return paginateJson<KnowledgeArticle, KnowledgeArticleDto>(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count }, knowledgeListItemSql());
  }

  /** +1 view, atomically; raw SQL so neither updated_at nor the version moves. */
  async countView(articleId: string): Promise<void> {
    await this.ds.query(`UPDATE knowledge_articles SET view_count = view_count + 1 WHERE id = $1 AND status = 'published' AND deleted_at IS NULL`, [articleId]);
  }

  /** Categories of the articles the principal may read, the largest first. */
  async categories(principal: Principal): Promise<KnowledgeCategoryDto[]> {
    const rows: { category: string; count: number }[] = await this.visible(principal)
      .select('a.category', 'category')
      .addSelect('count(*)::int', 'count')
      .andWhere('a.category IS NOT NULL')
      .groupBy('a.category')
      .orderBy('count(*)', 'DESC')
      .addOrderBy('a.category', 'ASC')
      .limit(KnowledgeLimits.categoriesMax)
      .getRawMany();
    return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
  }
}
