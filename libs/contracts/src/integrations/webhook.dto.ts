import { BooleanField, EnumField, ResponseField, StringArrayField, StringField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { WebhookDeliveryStatus } from './webhook.enums';

export const WebhookLimits = {
  nameMaxLength: 200,
  urlMaxLength: 2_000,
  descriptionMaxLength: 1_000,
  eventsMaxSize: 50,
  patternMaxLength: 80,
  /** Of a receiver's answer, kept on the delivery. */
  responseBodyMaxBytes: 2_048,
} as const;

/** http:// or https:// and a host; nothing else is sent to. */
export const WEBHOOK_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;
/** An event type (`case.resolved`, `contact.consent-changed`) or a pattern where `*` stands for any characters: `customer.*`, `*`. */
export const WEBHOOK_EVENT_PATTERN = /^(?:[a-z][a-z0-9_-]*|\*)(?:\.(?:[a-z][a-z0-9_-]*|\*))*$/;

/** An outgoing webhook subscription: which domain events are POSTed to which URL. The secret is never shown here. */
export class WebhookDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'ERP sync' }) name: string;
  @ResponseField({ example: 'https://erp.example.com/kehu/events' }) url: string;
  @ResponseField({ type: [String], example: ['customer.*', 'case.resolved'] }) events: string[];
  /** False when switched off, or paused after repeated failures (see pausedReason). */
  @ResponseField() active: boolean;
  @ResponseField({ type: String, nullable: true, example: '50 deliveries in a row failed; last: HTTP 500' }) pausedReason: string | null;
  @ResponseField({ type: String, nullable: true }) description: string | null;
  /** Deliveries that ended failed since the last 2xx; at 50 the subscription is paused. */
  @ResponseField() consecutiveFailures: number;
  /** The newest delivery (null: none yet), for the list's "last delivery". */
  @ResponseField({ type: () => WebhookDeliveryDto, nullable: true }) lastDelivery: WebhookDeliveryDto | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

/** Returned by create and rotate-secret only: the signing secret is shown this once. */
export class WebhookWithSecretDto extends WebhookDto {
  /** 32 random bytes, base64url. Verify `X-Kehu-Signature` with it; store it now, it is not shown again. */
  @ResponseField({ example: 'q0p7yqkz3TQmM1i1pSVw3c8yIuGZ8Xg5f8C2bq3B6nE' }) secret: string;
}

export class CreateWebhookDto {
  @StringField({ maxLength: WebhookLimits.nameMaxLength, minLength: 1, example: 'ERP sync' }) name: string;
  /** http or https, at most 2,000 characters. */
  @StringField({ maxLength: WebhookLimits.urlMaxLength, pattern: WEBHOOK_URL, patternMessage: 'url must be an http:// or https:// address', example: 'https://erp.example.com/kehu/events' }) url: string;
  /** Event types or patterns: `customer.*`, `case.resolved`, `*` (everything). */
  @StringArrayField({ maxSize: WebhookLimits.eventsMaxSize, minSize: 1, itemMaxLength: WebhookLimits.patternMaxLength, itemPattern: WEBHOOK_EVENT_PATTERN, itemPatternMessage: 'each value in events must be an event type or a pattern such as customer.* or *', example: ['customer.*'] })
  events: string[];
  /** Default true. */
  @BooleanField({ optional: true }) active?: boolean;
  @StringField({ optional: true, maxLength: WebhookLimits.descriptionMaxLength }) description?: string;
}

/** Needs If-Match. Only the members sent change; activating clears pausedReason and the failure count. */
export class UpdateWebhookDto {
  @StringField({ optional: true, maxLength: WebhookLimits.nameMaxLength, minLength: 1 }) name?: string;
  @StringField({ optional: true, maxLength: WebhookLimits.urlMaxLength, pattern: WEBHOOK_URL, patternMessage: 'url must be an http:// or https:// address' }) url?: string;
  @StringArrayField({ optional: true, maxSize: WebhookLimits.eventsMaxSize, minSize: 1, itemMaxLength: WebhookLimits.patternMaxLength, itemPattern: WEBHOOK_EVENT_PATTERN, itemPatternMessage: 'each value in events must be an event type or a pattern such as customer.* or *' })
  events?: string[];
  @BooleanField({ optional: true }) active?: boolean;
  @StringField({ optional: true, nullable: true, maxLength: WebhookLimits.descriptionMaxLength }) description?: string | null;
}

export class ListWebhooksQuery extends PageQueryDto {}

/** One event (or ping) to one subscription, with its latest attempt. */
export class WebhookDeliveryDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ format: 'uuid' }) webhookId: string;
  /** The outbox event's id (the body's `id`); null for a ping. */
  @ResponseField({ type: String, nullable: true, example: '1042' }) eventId: string | null;
  @ResponseField({ example: 'customer.created' }) eventType: string;
  @ResponseField({ enum: WebhookDeliveryStatus, enumName: 'WebhookDeliveryStatus' }) status: WebhookDeliveryStatus;
  @ResponseField() attempts: number;
  /** When the next attempt is due (pending only). */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lastAttemptAt: string | null;
  @ResponseField({ type: Number, nullable: true, example: 200 }) lastStatusCode: number | null;
  @ResponseField({ type: Number, nullable: true, example: 84 }) lastDurationMs: number | null;
  /** Network error or timeout of the last attempt. */
  @ResponseField({ type: String, nullable: true }) lastError: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
}

/** A delivery with what was sent and what came back on its latest attempt. */
export class WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  /** The JSON body as sent (null before the first attempt). */
  @ResponseField({ type: String, nullable: true }) requestBody: string | null;
  @ResponseField({ type: 'object', additionalProperties: { type: 'string' }, nullable: true, example: { 'X-Kehu-Event': 'customer.created' } }) requestHeaders: Record<string, string> | null;
  /** The receiver's answer, first 2 KB. */
  @ResponseField({ type: String, nullable: true }) responseBody: string | null;
}

export class ListWebhookDeliveriesQuery extends PageQueryDto {
  @EnumField(WebhookDeliveryStatus, 'WebhookDeliveryStatus', { optional: true }) status?: WebhookDeliveryStatus;
}
