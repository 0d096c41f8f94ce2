import type { CreateWebhookDto, Page, UpdateWebhookDto, WebhookDeliveryDetailDto, WebhookDeliveryDto, WebhookDto, WebhookWithSecretDto } from '@kehu/contracts';
import { api } from '@/core/api';
import { ifMatch } from '@/core/concurrency';
import { body, clean, done, type QueryOf } from './admin-http';

const byId = (id: string) => ({ params: { path: { id } } });

export const webhooksApi = {
  list: (query: QueryOf<'listWebhooks'> = {}) => body<Page<WebhookDto>>(api.GET('/api/v1/webhooks', { params: { query: clean(query) } })),
  get: (id: string) => body<WebhookDto>(api.GET('/api/v1/webhooks/{id}', byId(id))),
  /** The answer carries the signing secret, which is never shown again. */
  create: (dto: CreateWebhookDto) => body<WebhookWithSecretDto>(api.POST('/api/v1/webhooks', { body: dto })),
  update: (id: string, version: number, dto: UpdateWebhookDto) => body<WebhookDto>(api.PATCH('/api/v1/webhooks/{id}', { ...byId(id), body: dto, headers: ifMatch(version) })),
  remove: (id: string) => done(api.DELETE('/api/v1/webhooks/{id}', byId(id))),
  rotateSecret: (id: string, version: number) => body<WebhookWithSecretDto>(api.POST('/api/v1/webhooks/{id}/rotate-secret', { ...byId(id), headers: ifMatch(version) })),
  ping: (id: string) => body<WebhookDeliveryDto>(api.POST('/api/v1/webhooks/{id}/ping', byId(id))),
  deliveries: (id: string, query: QueryOf<'listWebhookDeliveries'> = {}) =>
    body<Page<WebhookDeliveryDto>>(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: clean(query) } })),
  delivery: (id: string) => body<WebhookDeliveryDetailDto>(api.GET('/api/v1/webhook-deliveries/{id}', byId(id))),
  redeliver: (id: string) => body<WebhookDeliveryDetailDto>(api.POST('/api/v1/webhook-deliveries/{id}/redeliver', byId(id))),
};
