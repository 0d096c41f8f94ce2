import type {
  BatchClaimResultDto,
  ClaimResultDto,
  CreatePoolDto,
  OwnershipHistoryEntryDto,
  OwnershipLimitDto,
  Page,
  PoolCustomerDetailDto,
  PoolCustomerDto,
  PoolDto,
  PoolQuotaDto,
  PoolReturnRunResultDto,
  ReturningSoonDto,
  UpdatePoolDto,
  UpsertOwnershipLimitDto,
} from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });
const byCustomer = (customerId: string) => ({ params: { path: { customerId } } });

export type ListPoolCustomersParams = QueryOf<'listPoolCustomers'>;

export const poolsApi = {
  list: () => body<PoolDto[]>(api.GET('/api/v1/pools')),
  get: (id: string) => body<PoolDto>(api.GET('/api/v1/pools/{id}', byId(id))),
  create: (dto: CreatePoolDto) => body<PoolDto>(api.POST('/api/v1/pools', { body: dto as never })),
  update: (id: string, version: number, dto: UpdatePoolDto) => body<PoolDto>(api.PATCH('/api/v1/pools/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/pools/{id}', byId(id))),
  customers: (id: string, query: ListPoolCustomersParams = {}) =>
    body<Page<PoolCustomerDto>>(api.GET('/api/v1/pools/{id}/customers', { params: { path: { id }, query: clean(query) } })),
  quota: (id: string) => body<PoolQuotaDto>(api.GET('/api/v1/pools/{id}/quota', byId(id))),
  returningSoon: (days?: number) => body<ReturningSoonDto[]>(api.GET('/api/v1/pools/returning-soon', { params: { query: clean({ days }) } })),
  runReturn: () => body<PoolReturnRunResultDto>(api.POST('/api/v1/pools/return-run')),
  move: (customerId: string, poolId: string) => body<PoolCustomerDto>(api.POST('/api/v1/pools/customers/{customerId}/move', { ...byCustomer(customerId), body: { poolId } })),
};

export const poolCustomersApi = {
  detail: (customerId: string) => body<PoolCustomerDetailDto>(api.GET('/api/v1/pools/customers/{customerId}', byCustomer(customerId))),
  claim: (customerId: string) => body<ClaimResultDto>(api.POST('/api/v1/pools/customers/{customerId}/claim', byCustomer(customerId))),
  batchClaim: (customerIds: string[]) => body<BatchClaimResultDto>(api.POST('/api/v1/pools/customers/batch-claim', { body: { customerIds } })),
  release: (customerId: string, reason: string) => body<PoolCustomerDto>(api.POST('/api/v1/pools/customers/{customerId}/release', { ...byCustomer(customerId), body: { reason } })),
  assign: (customerId: string, ownerId: string) => body<ClaimResultDto>(api.POST('/api/v1/pools/customers/{customerId}/assign', { ...byCustomer(customerId), body: { ownerId } })),
  lock: (customerId: string) => body<{ lockedAt: string | null }>(api.POST('/api/v1/pools/customers/{customerId}/lock', byCustomer(customerId))),
  unlock: (customerId: string) => body<{ lockedAt: string | null }>(api.POST('/api/v1/pools/customers/{customerId}/unlock', byCustomer(customerId))),
  history: (id: string) => body<OwnershipHistoryEntryDto[]>(api.GET('/api/v1/customers/{id}/ownership-history', byId(id))),
};

export const ownershipLimitsApi = {
  list: () => body<OwnershipLimitDto[]>(api.GET('/api/v1/ownership-limits')),
  upsert: (dto: UpsertOwnershipLimitDto) => body<OwnershipLimitDto>(api.PUT('/api/v1/ownership-limits', { body: dto as never })),
  remove: (id: string) => done(api.DELETE('/api/v1/ownership-limits/{id}', byId(id))),
};
