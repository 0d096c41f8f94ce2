import type {
  CreateOpportunityDto,
  CustomerDto,
  MoveOpportunityStageDto,
  OpportunityCardDto,
  OpportunityDto,
  OpportunityHistoryDto,
  Page,
  PipelineBoardDto,
  PipelineDto,
  UpdateOpportunityDto,
} from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListOpportunitiesParams = QueryOf<'listOpportunities'>;

export const pipelinesApi = {
  list: (query: QueryOf<'listPipelines'> = {}) => body<Page<PipelineDto>>(api.GET('/api/v1/pipelines', { params: { query: clean(query) } })),
  board: (id: string, query: QueryOf<'getPipelineBoard'> = {}) =>
    body<PipelineBoardDto>(api.GET('/api/v1/pipelines/{id}/board', { params: { path: { id }, query: clean(query) } })),
};

export const opportunitiesApi = {
  list: (query: ListOpportunitiesParams = {}) => body<Page<OpportunityDto>>(api.GET('/api/v1/opportunities', { params: { query: clean(query) } })),
  get: (id: string) => body<OpportunityDto>(api.GET('/api/v1/opportunities/{id}', byId(id))),
  create: (dto: CreateOpportunityDto) => body<OpportunityDto>(api.POST('/api/v1/opportunities', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateOpportunityDto) =>
    body<OpportunityDto>(api.PATCH('/api/v1/opportunities/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  /** The kanban move; 412 when someone changed the opportunity since it was read. */
  move: (id: string, version: number, dto: MoveOpportunityStageDto) =>
    body<OpportunityDto>(api.POST('/api/v1/opportunities/{id}/stage', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  history: (id: string, query: QueryOf<'getOpportunityHistory'> = {}) =>
    body<OpportunityHistoryDto>(api.GET('/api/v1/opportunities/{id}/history', { params: { path: { id }, query: clean(query) } })),
};

/** Customers for the picker (any the user can see). */
export const customerLookupApi = {
  search: (q: string) => body<Page<CustomerDto>>(api.GET('/api/v1/customers', { params: { query: clean({ q, limit: 20 }) } })),
  get: (id: string) => body<CustomerDto>(api.GET('/api/v1/customers/{id}', byId(id))),
};

/** A board card made from a full opportunity (after a move or an edit). */
export function cardFrom(opportunity: OpportunityDto, customerName: string): OpportunityCardDto {
  const { id, name, customerId, stageId, status, amount, currency, probability, expectedCloseDate, ownerId, updatedAt, version } = opportunity;
  return { id, name, customerId, customerName, stageId, status, amount, currency, probability, expectedCloseDate, ownerId, updatedAt, version };
}
