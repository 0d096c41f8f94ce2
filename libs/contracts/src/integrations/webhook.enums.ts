/** pending (queued or waiting for a retry) → delivered (a 2xx answer) or failed (retries used up). */
export enum WebhookDeliveryStatus {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  FAILED = 'failed',
}
