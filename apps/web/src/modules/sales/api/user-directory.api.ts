import type { Page, UserDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, clean, type QueryOf } from '@/core/api-http';

/**
 * Names of colleagues (owners). Only `/api/v1/users` has them, and it needs `admin.user.read`;
 * without that permission the sales pages show "me" / "another colleague" instead.
 */
export const userDirectoryApi = {
  list: (query: QueryOf<'listUsers'> = {}) => body<Page<UserDto>>(api.GET('/api/v1/users', { params: { query: clean(query) } })),
  get: (id: string) => body<UserDto>(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
};
