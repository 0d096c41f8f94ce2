import type { AuditEventDto, CreateUserDto, Page, ResetPasswordDto, UpdateUserDto, UserDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from './admin-http';

const byId = (id: string) => ({ params: { path: { id } } });

export const usersApi = {
  list: (query: QueryOf<'listUsers'> = {}) => body<Page<UserDto>>(api.GET('/api/v1/users', { params: { query: clean(query) } })),
  get: (id: string) => body<UserDto>(api.GET('/api/v1/users/{id}', byId(id))),
  create: (dto: CreateUserDto) => body<UserDto>(api.POST('/api/v1/users', { body: dto })),
  update: (id: string, version: number, dto: UpdateUserDto) => body<UserDto>(api.PATCH('/api/v1/users/{id}', { ...byId(id), body: dto, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/users/{id}', byId(id))),
  resetPassword: (id: string, dto: ResetPasswordDto) => done(api.POST('/api/v1/users/{id}/reset-password', { ...byId(id), body: dto })),
  history: (id: string, query: QueryOf<'getUserHistory'> = {}) =>
    body<Page<AuditEventDto>>(api.GET('/api/v1/users/{id}/history', { params: { path: { id }, query: clean(query) } })),
};
