import type { CreateWebFormDto, Page, PublicWebFormDto, UpdateWebFormDto, WebFormDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export type ListWebFormsParams = QueryOf<'listWebForms'>;

/** Web forms (Web 表单): managing them, and the public definition the embed snippet is built from. */
export const webFormsApi = {
  list: (query: ListWebFormsParams = {}) => body<Page<WebFormDto>>(api.GET('/api/v1/web-forms', { params: { query: clean(query) } })),
  create: (dto: CreateWebFormDto) => body<WebFormDto>(api.POST('/api/v1/web-forms', { body: dto as never })),
  update: (id: string, version: number, dto: UpdateWebFormDto) => body<WebFormDto>(api.PATCH('/api/v1/web-forms/{id}', { ...byId(id), body: dto as never, headers: ifMatch(version) })),
  regenerateKey: (id: string, version: number) => body<WebFormDto>(api.POST('/api/v1/web-forms/{id}/regenerate-key', { ...byId(id), headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/web-forms/{id}', byId(id))),
  /** What visitors see (404 while the form is disabled). */
  publicDefinition: (key: string) => body<PublicWebFormDto>(api.GET('/api/v1/public/web-forms/{key}', { params: { path: { key } } })),
};
