import type { WebhookDeliveryDetailDto, WebhookDeliveryDto, WebhookDeliveryStatus, WebhookDto } from '@kehu/contracts';
import type { WebhookDelivery } from './webhook-delivery.entity';
import type { WebhookSubscription } from './webhook-subscription.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Never the secret: create and rotate-secret add it themselves. */
export function toWebhookDto(s: WebhookSubscription, lastDelivery: WebhookDeliveryDto | null): WebhookDto {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    events: s.events,
    active: s.active,
    pausedReason: s.pausedReason,
    description: s.description,
    consecutiveFailures: s.consecutiveFailures,
    lastDelivery,
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

export function toDeliveryDto(d: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: d.id,
    webhookId: d.subscriptionId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status as WebhookDeliveryStatus,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatusCode: d.lastStatusCode,
    lastDurationMs: d.lastDurationMs,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  };
}

export function toDeliveryDetailDto(d: WebhookDelivery): WebhookDeliveryDetailDto {
  return { ...toDeliveryDto(d), requestBody: d.requestBody, requestHeaders: d.requestHeaders, responseBody: d.responseBody };
}
