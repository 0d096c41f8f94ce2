import { WebhookDeliveryStatus, type WebhookDeliveryDto } from '@kehu/contracts';

export type DeliveryTagType = 'success' | 'warning' | 'danger' | 'info';

/** `admin.webhooks.deliveryStatus.<key>`: a pending delivery that failed before is "retrying", not just "queued". */
export function deliveryTag(d: Pick<WebhookDeliveryDto, 'status' | 'attempts'>): { key: string; type: DeliveryTagType } {
  if (d.status === WebhookDeliveryStatus.DELIVERED) return { key: 'delivered', type: 'success' };
  if (d.status === WebhookDeliveryStatus.FAILED) return { key: 'failed', type: 'danger' };
  return d.attempts > 0 ? { key: 'retrying', type: 'warning' } : { key: 'queued', type: 'info' };
}

/** A text key under `admin.webhooks.nextAttempt` and its parameters. */
export interface NextAttempt {
  key: 'now' | 'minutes' | 'hours' | 'days';
  n: number;
}

/** When a pending delivery is tried next, relative to now; null when it is not pending. */
export function nextAttempt(d: Pick<WebhookDeliveryDto, 'status' | 'nextAttemptAt'>, now = Date.now()): NextAttempt | null {
  if (d.status !== WebhookDeliveryStatus.PENDING || !d.nextAttemptAt) return null;
  const minutes = Math.ceil((Date.parse(d.nextAttemptAt) - now) / 60_000);
  if (minutes <= 0) return { key: 'now', n: 0 };
  if (minutes < 90) return { key: 'minutes', n: minutes };
  if (minutes < 48 * 60) return { key: 'hours', n: Math.round(minutes / 60) };
  return { key: 'days', n: Math.round(minutes / 1440) };
}

/** A body as sent or answered, indented when it is JSON. */
export function prettyBody(text: string | null): string {
  if (text === null || text === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
