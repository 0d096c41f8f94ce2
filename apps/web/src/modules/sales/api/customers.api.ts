import type {
  AuditEventDto,
  BulkResultDto,
  BulkUpdateCustomersDto,
  CreateCustomerDto,
  CustomerDto,
  DataQualityReportDto,
  DuplicatePairDto,
  MergeCustomersDto,
  MergeResultDto,
  Page,
  UpdateCustomerDto,
} from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListCustomersParams = QueryOf<'listCustomers'>;

export const customersApi = {
  list: (query: ListCustomersParams = {}) => body<Page<CustomerDto>>(api.GET('/api/v1/customers', { params: { query: clean(query) } })),
  get: (id: string) => body<CustomerDto>(api.GET('/api/v1/customers/{id}', byId(id))),
  /** 409 DUPLICATE_SUSPECTED carries `candidates` (read them with `problemExtension`). */
  create: (dto: CreateCustomerDto, allowDuplicate = false) =>
    body<CustomerDto>(api.POST('/api/v1/customers', { params: { query: allowDuplicate ? { allowDuplicate: true } : {} }, body: dto as never })),
  /** May also answer 409 DUPLICATE_SUSPECTED (a changed phone or name matches another customer). */
  update: (id: string, version: number, dto: UpdateCustomerDto, allowDuplicate = false) =>
    body<CustomerDto>(
      api.PATCH('/api/v1/customers/{id}', { params: { path: { id }, query: allowDuplicate ? { allowDuplicate: true } : {} }, body: dto as never, headers: ifMatch(version) }),
    ),
  remove: (id: string) => done(api.DELETE('/api/v1/customers/{id}', byId(id))),
  restore: (id: string) => body<CustomerDto>(api.POST('/api/v1/customers/{id}/restore', byId(id))),
  bulkUpdate: (dto: BulkUpdateCustomersDto) => body<BulkResultDto>(api.POST('/api/v1/customers/bulk-update', { body: dto })),
  merge: (winnerId: string, version: number, dto: MergeCustomersDto) =>
    body<MergeResultDto>(api.POST('/api/v1/customers/{id}/merge', { ...byId(winnerId), body: dto as never, headers: ifMatch(version) })),
  history: (id: string, query: QueryOf<'getCustomerHistory'> = {}) =>
    body<Page<AuditEventDto>>(api.GET('/api/v1/customers/{id}/history', { params: { path: { id }, query: clean(query) } })),
  duplicates: (query: QueryOf<'listCustomerDuplicates'> = {}) =>
    body<Page<DuplicatePairDto>>(api.GET('/api/v1/customers/duplicates', { params: { query: clean(query) } })),
  dataQuality: (query: QueryOf<'getCustomerDataQuality'> = {}) =>
    body<DataQualityReportDto>(api.GET('/api/v1/customers/data-quality', { params: { query: clean(query) } })),
};
