import { KnowledgeLimits, type CaseType, type KnowledgeArticleDto, type KnowledgeArticleStatus } from '@kehu/contracts';
import { isoTimestampSql, jsonObjectSql } from '@kehu/server-core';
import type { KnowledgeArticle } from './knowledge-article.entity';

/** The first characters (code points, as PostgreSQL's left() counts them). */
export const excerptOf = (text: string): string => Array.from(text).slice(0, KnowledgeLimits.excerptLength).join('');

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** What only getKnowledgeArticle knows: the per-reader and the cases' figures (null in lists). */
export interface KnowledgeArticleExtras {
  solvedCaseCount: number | null;
  canManage: boolean | null;
  myFeedback: boolean | null;
}

const noExtras: KnowledgeArticleExtras = { solvedCaseCount: null, canManage: null, myFeedback: null };

/** The full article (getKnowledgeArticle and the answers of writes). */
export function toKnowledgeArticleDto(a: KnowledgeArticle, extras: KnowledgeArticleExtras = noExtras): KnowledgeArticleDto {
  return {
    id: a.id,
    number: a.number,
    title: a.title,
    problem: a.problem,
    solution: a.solution,
    excerpt: excerptOf(a.problem),
    category: a.category,
    tags: a.tags,
    caseType: a.caseType as CaseType | null,
    status: a.status as KnowledgeArticleStatus,
    publishedAt: iso(a.publishedAt),
    publishedBy: a.publishedBy,
    viewCount: a.viewCount,
    helpfulCount: a.helpfulCount,
    notHelpfulCount: a.notHelpfulCount,
    ...extras,
    ownerId: a.ownerId,
    departmentId: a.departmentId,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    createdBy: a.createdBy,
    version: a.version,
  };
}

/**
 * A list row as one JSON value built by PostgreSQL: the text stays in the table (problem and
 * solution null, an excerpt instead), so a page of long articles stays small. Keys and order
 * as toKnowledgeArticleDto (a parity test holds them together). Built on first use: the
 * contracts' limits are not read while modules load (jest's globalSetup loads the migrations
 * through here against the built contracts).
 */
let listItemSql: string | undefined;
export const knowledgeListItemSql = (): string => (listItemSql ??= jsonObjectSql([
  ['id', 'a.id'],
  ['number', 'a.number'],
  ['title', 'a.title'],
  ['problem', 'NULL::text'],
  ['solution', 'NULL::text'],
  ['excerpt', `left(a.problem, ${KnowledgeLimits.excerptLength})`],
  ['category', 'a.category'],
  ['tags', 'a.tags'],
  ['caseType', 'a.case_type'],
  ['status', 'a.status'],
  ['publishedAt', isoTimestampSql('a.published_at')],
  ['publishedBy', 'a.published_by'],
  ['viewCount', 'a.view_count'],
  ['helpfulCount', 'a.helpful_count'],
  ['notHelpfulCount', 'a.not_helpful_count'],
  ['solvedCaseCount', 'NULL::int'],
  ['canManage', 'NULL::boolean'],
  ['myFeedback', 'NULL::boolean'],
  ['ownerId', 'a.owner_id'],
  ['departmentId', 'a.department_id'],
  ['createdAt', isoTimestampSql('a.created_at')],
  ['updatedAt', isoTimestampSql('a.updated_at')],
  ['createdBy', 'a.created_by'],
  ['version', 'a.version'],
]));
