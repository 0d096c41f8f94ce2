import type { CreateRoleDto, Page, PermissionDto, RoleDto, UpdateRoleDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, done } from './admin-http';

const byId = (id: string) => ({ params: { path: { id } } });

export const rolesApi = {
  list: () => body<Page<RoleDto>>(api.GET('/api/v1/roles')),
  permissions: () => body<PermissionDto[]>(api.GET('/api/v1/roles/permissions')),
  create: (dto: CreateRoleDto) => body<RoleDto>(api.POST('/api/v1/roles', { body: dto })),
  update: (id: string, version: number, dto: UpdateRoleDto) => body<RoleDto>(api.PATCH('/api/v1/roles/{id}', { ...byId(id), body: dto, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/roles/{id}', byId(id))),
};
