import type { CreateServiceContractDto, Page, ServiceContractDto, UpdateServiceContractDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListServiceContractsParams = QueryOf<'listServiceContracts'>;

/** Service contracts (服务合同): terms, SLA targets per priority, visits included. */
export const serviceContractsApi = {
  list: (query: ListServiceContractsParams = {}) => body<Page<ServiceContractDto>>(api.GET('/api/v1/service-contracts', { params: { query: clean(query) } })),
  get: (id: string) => body<ServiceContractDto>(api.GET('/api/v1/service-contracts/{id}', byId(id))),
  create: (dto: CreateServiceContractDto) => body<ServiceContractDto>(api.POST('/api/v1/service-contracts', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateServiceContractDto) =>
    body<ServiceContractDto>(api.PATCH('/api/v1/service-contracts/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  terminate: (id: string, reason: string) => body<ServiceContractDto>(api.POST('/api/v1/service-contracts/{id}/terminate', { ...byId(id), body: { reason } })),
  remove: (id: string) => done(api.DELETE('/api/v1/service-contracts/{id}', byId(id))),
  restore: (id: string) => body<ServiceContractDto>(api.POST('/api/v1/service-contracts/{id}/restore', byId(id))),
};
