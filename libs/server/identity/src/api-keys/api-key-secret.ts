import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens with this prefix are API keys, everything else is a JWT. */
export const API_KEY_PREFIX = 'kehu_';
/** `kehu_` + 40 url-safe characters (30 random bytes = 240 bits). */
const SECRET = /^kehu_[A-Za-z0-9_-]{40}$/;
/** How much of the secret is kept in clear to recognise the key. */
const SHOWN = 12;

export const isApiKeySecret = (token: string) => SECRET.test(token);

/** sha256 is enough here (unlike passwords): the secret is long and random, not guessable. */
export const hashApiKeySecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newApiKeySecret(): { secret: string; prefix: string; keyHash: string } {
  const secret = API_KEY_PREFIX + randomBytes(30).toString('base64url');
  return { secret, prefix: secret.slice(0, SHOWN), keyHash: hashApiKeySecret(secret) };
}
