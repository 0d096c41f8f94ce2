import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, Page } from '@kehu/contracts';
import { api } from '@/core/api';
import { body, clean, done, type QueryOf } from './admin-http';

export const apiKeysApi = {
  list: (query: QueryOf<'listApiKeys'> = {}) => body<Page<ApiKeyDto>>(api.GET('/api/v1/api-keys', { params: { query: clean(query) } })),
  /** The answer carries the secret, which is never shown again. */
  create: (dto: CreateApiKeyDto) => body<CreatedApiKeyDto>(api.POST('/api/v1/api-keys', { body: dto as never })),
  revoke: (id: string) => done(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
};
