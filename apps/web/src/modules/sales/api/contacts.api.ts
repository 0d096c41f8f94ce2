import type { ContactDto, CreateContactDto, Page, SetContactConsentDto, UpdateContactDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from '@/core/api-http';

const byId = (id: string) => ({ params: { path: { id } } });

export const contactsApi = {
  list: (query: QueryOf<'listContacts'> = {}) => body<Page<ContactDto>>(api.GET('/api/v1/contacts', { params: { query: clean(query) } })),
  get: (id: string) => body<ContactDto>(api.GET('/api/v1/contacts/{id}', byId(id))),
  create: (dto: CreateContactDto, allowDuplicate = false) =>
    body<ContactDto>(api.POST('/api/v1/contacts', { params: { query: allowDuplicate ? { allowDuplicate: true } : {} }, body: dto })),
  update: (id: string, version: number, dto: UpdateContactDto, allowDuplicate = false) =>
    body<ContactDto>(
      api.PATCH('/api/v1/contacts/{id}', { params: { path: { id }, query: allowDuplicate ? { allowDuplicate: true } : {} }, body: dto as never, headers: ifMatch(version) }),
    ),
  setConsents: (id: string, version: number, consents: SetContactConsentDto[]) =>
    body<ContactDto>(api.PUT('/api/v1/contacts/{id}/consents', { ...byId(id), body: { consents }, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/contacts/{id}', byId(id))),
};
