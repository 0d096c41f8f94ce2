import type {
  CreateKnowledgeArticleDto,
  KnowledgeArticleDto,
  KnowledgeCategoryDto,
  KnowledgeFeedbackResultDto,
  Page,
  UpdateKnowledgeArticleDto,
} from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListKnowledgeArticlesParams = QueryOf<'listKnowledgeArticles'>;

/** The knowledge base (知识库) endpoints. */
export const knowledgeApi = {
  list: (query: ListKnowledgeArticlesParams = {}) => body<Page<KnowledgeArticleDto>>(api.GET('/api/v1/knowledge-articles', { params: { query: clean(query) } })),
  categories: () => body<KnowledgeCategoryDto[]>(api.GET('/api/v1/knowledge-articles/categories')),
  get: (id: string) => body<KnowledgeArticleDto>(api.GET('/api/v1/knowledge-articles/{id}', byId(id))),
  /** A reader opened it (counted for published articles). */
  view: (id: string) => done(api.POST('/api/v1/knowledge-articles/{id}/view', byId(id))),
  create: (dto: CreateKnowledgeArticleDto) => body<KnowledgeArticleDto>(api.POST('/api/v1/knowledge-articles', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateKnowledgeArticleDto) =>
    body<KnowledgeArticleDto>(api.PATCH('/api/v1/knowledge-articles/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  publish: (id: string) => body<KnowledgeArticleDto>(api.POST('/api/v1/knowledge-articles/{id}/publish', byId(id))),
  archive: (id: string) => body<KnowledgeArticleDto>(api.POST('/api/v1/knowledge-articles/{id}/archive', byId(id))),
  remove: (id: string) => done(api.DELETE('/api/v1/knowledge-articles/{id}', byId(id))),
  restore: (id: string) => body<KnowledgeArticleDto>(api.POST('/api/v1/knowledge-articles/{id}/restore', byId(id))),
  rate: (id: string, helpful: boolean) => body<KnowledgeFeedbackResultDto>(api.POST('/api/v1/knowledge-articles/{id}/feedback', { ...byId(id), body: { helpful } })),
};
