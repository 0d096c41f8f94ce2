import type { CreateDepartmentDto, DepartmentDto, Page, UpdateDepartmentDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, done } from './admin-http';

const byId = (id: string) => ({ params: { path: { id } } });

export const departmentsApi = {
  /** The whole tree, ordered by path (the API sends up to 200 departments, no paging). */
  list: () => body<Page<DepartmentDto>>(api.GET('/api/v1/departments')),
  get: (id: string) => body<DepartmentDto>(api.GET('/api/v1/departments/{id}', byId(id))),
  create: (dto: CreateDepartmentDto) => body<DepartmentDto>(api.POST('/api/v1/departments', { body: dto })),
  update: (id: string, version: number, dto: UpdateDepartmentDto) =>
    body<DepartmentDto>(api.PATCH('/api/v1/departments/{id}', { ...byId(id), body: dto, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/departments/{id}', byId(id))),
};
