import type {
  ContractApprovalDto,
  CreatePaymentDto,
  CreateReceivableDto,
  CreateSalesContractDto,
  CreateTargetDto,
  DepartmentDto,
  Page,
  ReceivableDto,
  ReceivablePlanDto,
  SalesContractDto,
  TargetDto,
  TargetProgressListDto,
  UpdateSalesContractDto,
  UpdateTargetDto,
} from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListSalesContractsParams = QueryOf<'listSalesContracts'>;
export type TargetProgressParams = QueryOf<'getTargetProgress'>;
export type ListReceivablesParams = QueryOf<'listReceivables'>;

export const salesContractsApi = {
  list: (query: ListSalesContractsParams = {}) => body<Page<SalesContractDto>>(api.GET('/api/v1/sales-contracts', { params: { query: clean(query) } })),
  get: (id: string) => body<SalesContractDto>(api.GET('/api/v1/sales-contracts/{id}', byId(id))),
  create: (dto: CreateSalesContractDto) => body<SalesContractDto>(api.POST('/api/v1/sales-contracts', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateSalesContractDto) =>
    body<SalesContractDto>(api.PATCH('/api/v1/sales-contracts/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/sales-contracts/{id}', byId(id))),
  submit: (id: string, comment?: string) => body<SalesContractDto>(api.POST('/api/v1/sales-contracts/{id}/submit', { ...byId(id), body: clean({ comment }) as never })),
  approve: (id: string, comment?: string) => body<SalesContractDto>(api.POST('/api/v1/sales-contracts/{id}/approve', { ...byId(id), body: clean({ comment }) as never })),
  reject: (id: string, reason: string) => body<SalesContractDto>(api.POST('/api/v1/sales-contracts/{id}/reject', { ...byId(id), body: { reason } })),
  terminate: (id: string, reason: string) => body<SalesContractDto>(api.POST('/api/v1/sales-contracts/{id}/terminate', { ...byId(id), body: { reason } })),
  approvals: (id: string) => body<ContractApprovalDto[]>(api.GET('/api/v1/sales-contracts/{id}/approvals', byId(id))),
};

export const receivablesApi = {
  list: (query: ListReceivablesParams = {}) => body<Page<ReceivableDto>>(api.GET('/api/v1/receivables', { params: { query: clean(query) } })),
  plan: (contractId: string) => body<ReceivablePlanDto>(api.GET('/api/v1/sales-contracts/{id}/receivables', byId(contractId))),
  add: (contractId: string, dto: CreateReceivableDto) => body<ReceivableDto>(api.POST('/api/v1/sales-contracts/{id}/receivables', { ...byId(contractId), body: dto as never })),
  remove: (id: string) => done(api.DELETE('/api/v1/receivables/{id}', byId(id))),
  pay: (id: string, dto: CreatePaymentDto) => body<ReceivableDto>(api.POST('/api/v1/receivables/{id}/payments', { ...byId(id), body: dto as never })),
};

export const targetsApi = {
  progress: (query: TargetProgressParams) => body<TargetProgressListDto>(api.GET('/api/v1/targets/progress', { params: { query: clean(query) } })),
  create: (dto: CreateTargetDto) => body<TargetDto>(api.POST('/api/v1/targets', { body: dto as never })),
  get: (id: string) => body<TargetDto>(api.GET('/api/v1/targets/{id}', byId(id))),
  update: (id: string, version: number, dto: UpdateTargetDto) => body<TargetDto>(api.PATCH('/api/v1/targets/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/targets/{id}', byId(id))),
};

/** Departments for the target editor's subject picker. */
export const departmentsLookupApi = {
  list: () => body<Page<DepartmentDto>>(api.GET('/api/v1/departments')),
};
