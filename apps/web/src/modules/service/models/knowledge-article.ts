import {
  KnowledgeArticleStatus,
  normalizeTags,
  type CaseType,
  type CreateKnowledgeArticleDto,
  type KnowledgeArticleDto,
  type UpdateKnowledgeArticleDto,
} from '@kehu/contracts';
import type { ListKnowledgeArticlesParams } from '../api/knowledge.api';

/** The list's sorts: a name for the select → the API's sort. */
export const knowledgeSorts = { updatedDesc: '-updatedAt', title: 'title', viewsDesc: '-viewCount', helpfulDesc: '-helpfulCount' } as const;
export type KnowledgeSortKey = keyof typeof knowledgeSorts;

export interface KnowledgeFilters {
  q: string;
  status: KnowledgeArticleStatus | '';
  category: string;
  tag: string;
  sort: KnowledgeSortKey;
  /** The recycle bin (managers). */
  deleted: boolean;
}

export const emptyKnowledgeFilters = (): KnowledgeFilters => ({ q: '', status: '', category: '', tag: '', sort: 'updatedDesc', deleted: false });

/** The list query from the filters: blanks left out. */
export function knowledgeQuery(f: KnowledgeFilters): ListKnowledgeArticlesParams {
  return {
    q: f.q.trim() || undefined,
    status: f.status || undefined,
    category: f.category || undefined,
    tag: f.tag.trim() || undefined,
    sort: knowledgeSorts[f.sort],
    deleted: f.deleted || undefined,
  };
}

/** Element Plus tag colour per status. */
export const knowledgeStatusTag: Record<KnowledgeArticleStatus, 'success' | 'info' | 'warning'> = {
  [KnowledgeArticleStatus.DRAFT]: 'warning',
  [KnowledgeArticleStatus.PUBLISHED]: 'success',
  [KnowledgeArticleStatus.ARCHIVED]: 'info',
};

/** What the status allows: publish from draft / archived, archive from draft / published. */
export const canPublish = (status: KnowledgeArticleStatus): boolean => status !== KnowledgeArticleStatus.PUBLISHED;
export const canArchive = (status: KnowledgeArticleStatus): boolean => status !== KnowledgeArticleStatus.ARCHIVED;

/** Share of helpful votes (0–1), null before any vote. */
export function helpfulShare(a: Pick<KnowledgeArticleDto, 'helpfulCount' | 'notHelpfulCount'>): number | null {
  const votes = a.helpfulCount + a.notHelpfulCount;
  return votes ? a.helpfulCount / votes : null;
}

/**
 * Plain text as paragraphs for rendering with text interpolation (never v-html): lines kept,
 * runs of blank lines collapsed into one paragraph break.
 */
export function textParagraphs(text: string | null | undefined): string[][] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n'))
    .filter((lines) => lines.some((l) => l.trim()));
}

export interface KnowledgeFormValues {
  title: string;
  problem: string;
  solution: string;
  category: string;
  tags: string[];
  caseType: CaseType | '';
}

export const emptyKnowledgeForm = (): KnowledgeFormValues => ({ title: '', problem: '', solution: '', category: '', tags: [], caseType: '' });

export const formFromArticle = (a: KnowledgeArticleDto): KnowledgeFormValues => ({
  title: a.title,
  problem: a.problem ?? '',
  solution: a.solution ?? '',
  category: a.category ?? '',
  tags: [...a.tags],
  caseType: a.caseType ?? '',
});

const tagsOf = (tags: string[]) => normalizeTags(tags) as string[];

/** The create body: trimmed, blank optional fields left out. */
export function createKnowledgeBody(v: KnowledgeFormValues): CreateKnowledgeArticleDto {
  return {
    title: v.title.trim(),
    problem: v.problem.trim(),
    solution: v.solution.trim(),
    category: v.category.trim() || undefined,
    tags: tagsOf(v.tags),
    caseType: v.caseType || undefined,
  };
}

/** Only what changed; a cleared category or case type is sent as null. */
export function updateKnowledgeBody(v: KnowledgeFormValues, before: KnowledgeArticleDto): UpdateKnowledgeArticleDto {
  const out: UpdateKnowledgeArticleDto = {};
  const next = createKnowledgeBody(v);
  if (next.title !== before.title) out.title = next.title;
  if (next.problem !== before.problem) out.problem = next.problem;
  if (next.solution !== before.solution) out.solution = next.solution;
  if ((next.category ?? null) !== before.category) out.category = next.category ?? null;
  if (JSON.stringify(next.tags) !== JSON.stringify(before.tags)) out.tags = next.tags;
  if ((next.caseType ?? null) !== before.caseType) out.caseType = next.caseType ?? null;
  return out;
}
