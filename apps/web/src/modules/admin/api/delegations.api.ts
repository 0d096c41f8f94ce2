import type { CreateDelegationDto, DelegationDto, DelegationUsageDto, DelegationUsageQuery, Page } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, clean, done, type QueryOf } from './admin-http';

export const delegationsApi = {
  list: (query: QueryOf<'listDelegations'> = {}) => body<Page<DelegationDto>>(api.GET('/api/v1/delegations', { params: { query: clean(query) } })),
  create: (dto: CreateDelegationDto) => body<DelegationDto>(api.POST('/api/v1/delegations', { body: dto })),
  revoke: (id: string) => done(api.DELETE('/api/v1/delegations/{id}', { params: { path: { id } } })),
  usage: (query: DelegationUsageQuery = {}) => body<DelegationUsageDto[]>(api.GET('/api/v1/delegations/usage', { params: { query: clean(query) } })),
};
