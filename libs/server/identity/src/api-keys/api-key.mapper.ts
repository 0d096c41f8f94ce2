import type { ApiKeyDto } from '@kehu/contracts';
import type { ApiKey } from './api-key.entity';

export const toApiKeyDto = (k: ApiKey): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  rateLimitPerMinute: k.rateLimitPerMinute,
  expiresAt: k.expiresAt?.toISOString() ?? null,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  ownerId: k.ownerId,
  createdAt: k.createdAt.toISOString(),
});
