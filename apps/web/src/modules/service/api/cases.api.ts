import type {
  AssignCaseDto,
  CaseDto,
  CaseEventDto,
  CaseSatisfactionDto,
  CreateCaseDto,
  KnowledgeArticleDto,
  Page,
  ResolveCaseDto,
  ServiceMetricsDto,
  SlaPolicyDto,
  UpdateCaseDto,
  UpdateSlaPolicyDto,
} from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListCasesParams = QueryOf<'listCases'>;
export type ServiceMetricsParams = QueryOf<'getServiceMetrics'>;

export const casesApi = {
  list: (query: ListCasesParams = {}) => body<Page<CaseDto>>(api.GET('/api/v1/cases', { params: { query: clean(query) } })),
  get: (id: string) => body<CaseDto>(api.GET('/api/v1/cases/{id}', byId(id))),
  create: (dto: CreateCaseDto) => body<CaseDto>(api.POST('/api/v1/cases', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateCaseDto) => body<CaseDto>(api.PATCH('/api/v1/cases/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/cases/{id}', byId(id))),
  restore: (id: string) => body<CaseDto>(api.POST('/api/v1/cases/{id}/restore', byId(id))),
  assign: (id: string, dto: AssignCaseDto) => body<CaseDto>(api.POST('/api/v1/cases/{id}/assign', { ...byId(id), body: clean(dto) as never })),
  reply: (id: string, text: string, internal: boolean) => body<CaseDto>(api.POST('/api/v1/cases/{id}/replies', { ...byId(id), body: { body: text, internal } })),
  /** open (taken up) or pending (waiting for the customer). */
  setStatus: (id: string, status: 'open' | 'pending', comment?: string) =>
    body<CaseDto>(api.POST('/api/v1/cases/{id}/status', { ...byId(id), body: clean({ status, comment }) as never })),
  resolve: (id: string, dto: ResolveCaseDto) => body<CaseDto>(api.POST('/api/v1/cases/{id}/resolve', { ...byId(id), body: clean(dto) as never })),
  reopen: (id: string, reason: string) => body<CaseDto>(api.POST('/api/v1/cases/{id}/reopen', { ...byId(id), body: { reason } })),
  close: (id: string, comment?: string) => body<CaseDto>(api.POST('/api/v1/cases/{id}/close', { ...byId(id), body: clean({ comment }) as never })),
  rate: (id: string, dto: CaseSatisfactionDto) => body<CaseDto>(api.POST('/api/v1/cases/{id}/satisfaction', { ...byId(id), body: clean(dto) as never })),
  events: (id: string) => body<CaseEventDto[]>(api.GET('/api/v1/cases/{id}/events', byId(id))),
};

export const slaPolicyApi = {
  get: () => body<SlaPolicyDto>(api.GET('/api/v1/service/sla-policy')),
  update: (version: number, dto: UpdateSlaPolicyDto) => body<SlaPolicyDto>(api.PATCH('/api/v1/service/sla-policy', { body: dto as never, headers: ifMatch(version) })),
};

export const serviceMetricsApi = {
  get: (query: ServiceMetricsParams = {}) => body<ServiceMetricsDto>(api.GET('/api/v1/service/metrics', { params: { query: clean(query) } })),
};

/** Published knowledge articles for the resolve dialog (the knowledge base's own pages are elsewhere). */
export const knowledgeLookupApi = {
  search: (q: string, caseType?: string) =>
    body<Page<KnowledgeArticleDto>>(api.GET('/api/v1/knowledge-articles', { params: { query: clean({ q: q || undefined, status: 'published', caseType, limit: 20 }) as never } })),
  get: (id: string) => body<KnowledgeArticleDto>(api.GET('/api/v1/knowledge-articles/{id}', byId(id))),
};
