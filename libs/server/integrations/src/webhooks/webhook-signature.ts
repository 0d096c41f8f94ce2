import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes, base64url (43 characters). */
export const newWebhookSecret = (): string => randomBytes(32).toString('base64url');

/**
 * `X-Kehu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (Stripe's
 * scheme): the timestamp is signed with the body, so a receiver can refuse old replays.
 */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}
