import type {
  ActivityDto,
  AssignLeadDto,
  AssignmentRuleDto,
  AssignQueueResultDto,
  ConvertLeadDto,
  CreateAssignmentRuleDto,
  CreateLeadDto,
  LeadConversionDto,
  LeadDto,
  Page,
  ReorderAssignmentRulesDto,
  TeamDto,
  UpdateAssignmentRuleDto,
  UpdateLeadDto,
} from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });
const duplicates = (allow: boolean) => (allow ? { allowDuplicate: true } : {});

export type ListLeadsParams = QueryOf<'listLeads'>;

export const leadsApi = {
  list: (query: ListLeadsParams = {}) => body<Page<LeadDto>>(api.GET('/api/v1/leads', { params: { query: clean(query) } })),
  get: (id: string) => body<LeadDto>(api.GET('/api/v1/leads/{id}', byId(id))),
  /** 409 DUPLICATE_SUSPECTED carries `candidates` (LeadDuplicateCandidateDto[]). */
  create: (dto: CreateLeadDto, allowDuplicate = false) =>
    body<LeadDto>(api.POST('/api/v1/leads', { params: { query: duplicates(allowDuplicate) }, body: dto as never })),
  update: (id: string, version: number, dto: UpdateLeadDto, allowDuplicate = false) =>
    body<LeadDto>(api.PATCH('/api/v1/leads/{id}', { params: { path: { id }, query: duplicates(allowDuplicate) }, body: dto as never, headers: ifMatch(version) })),
  assign: (id: string, dto: AssignLeadDto) => body<LeadDto>(api.POST('/api/v1/leads/{id}/assign', { ...byId(id), body: dto })),
  assignQueue: () => body<AssignQueueResultDto>(api.POST('/api/v1/leads/assign-queue', {})),
  /** 409 DUPLICATE_SUSPECTED (customer `candidates`) or LEAD_ALREADY_CONVERTED (with its ids); 412 stale. */
  convert: (id: string, version: number, dto: ConvertLeadDto, allowDuplicate = false) =>
    body<LeadConversionDto>(
      api.POST('/api/v1/leads/{id}/convert', { params: { path: { id }, query: duplicates(allowDuplicate) }, body: dto as never, headers: ifMatch(version) }),
    ),
  /** The lead's follow-ups, newest first (after conversion: the same ones on the customer). */
  activities: (id: string, query: QueryOf<'listLeadActivities'> = {}) =>
    body<Page<ActivityDto>>(api.GET('/api/v1/leads/{id}/activities', { params: { path: { id }, query: clean(query) } })),
};

export const assignmentRulesApi = {
  list: () => body<Page<AssignmentRuleDto>>(api.GET('/api/v1/assignment-rules', {})),
  create: (dto: CreateAssignmentRuleDto) => body<AssignmentRuleDto>(api.POST('/api/v1/assignment-rules', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateAssignmentRuleDto) =>
    body<AssignmentRuleDto>(api.PATCH('/api/v1/assignment-rules/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/assignment-rules/{id}', byId(id))),
  reorder: (dto: ReorderAssignmentRulesDto) => body<Page<AssignmentRuleDto>>(api.POST('/api/v1/assignment-rules/reorder', { body: dto })),
};

export const teamsLookupApi = {
  list: () => body<Page<TeamDto>>(api.GET('/api/v1/teams', { params: { query: { limit: 200 } } })),
};
