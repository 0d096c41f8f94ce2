import type { CompleteWorkOrderDto, CreateWorkOrderDto, Page, UpdateWorkOrderDto, WorkOrderDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListWorkOrdersParams = QueryOf<'listWorkOrders'>;

/** Work orders (派工单): technicians' visits, booked from cases; the technician checks in and completes them. */
export const workOrdersApi = {
  list: (query: ListWorkOrdersParams = {}) => body<Page<WorkOrderDto>>(api.GET('/api/v1/work-orders', { params: { query: clean(query) } })),
  get: (id: string) => body<WorkOrderDto>(api.GET('/api/v1/work-orders/{id}', byId(id))),
  create: (dto: CreateWorkOrderDto) => body<WorkOrderDto>(api.POST('/api/v1/work-orders', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateWorkOrderDto) =>
    body<WorkOrderDto>(api.PATCH('/api/v1/work-orders/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  start: (id: string) => body<WorkOrderDto>(api.POST('/api/v1/work-orders/{id}/start', byId(id))),
  complete: (id: string, dto: CompleteWorkOrderDto) => body<WorkOrderDto>(api.POST('/api/v1/work-orders/{id}/complete', { ...byId(id), body: dto })),
  cancel: (id: string, reason: string) => body<WorkOrderDto>(api.POST('/api/v1/work-orders/{id}/cancel', { ...byId(id), body: { reason } })),
};
