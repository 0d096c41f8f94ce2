import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ApiKeyDto, type CreateApiKeyDto, type CreatedApiKeyDto, type Page, type PageQueryDto } from '@kehu/contracts';
import { AuditService, DomainException, paginate, parseSort, TransactionService, type Principal } from '@kehu/server-core';
import { DataSource } from 'typeorm';
import { Clock } from '@kehu/server-core';
import { RateLimiterService, rateLimited } from '../auth/rate-limiter.service';
import { ApiKey } from './api-key.entity';
import { toApiKeyDto } from './api-key.mapper';
import { hashApiKeySecret, isApiKeySecret, newApiKeySecret } from './api-key-secret';

const DEFAULT_RATE_LIMIT = 600;
const RATE_WINDOW_SECONDS = 60;

const unauthenticated = (detail: string) => new DomainException(ErrorCode.UNAUTHENTICATED, detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
const fieldError = (field: string, message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field, rule: field, message }] });

/** What the principal resolver needs from a presented key. */
export interface AuthenticatedApiKey {
  id: string;
  ownerId: string;
  scopes: string[];
}

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiterService,
    private readonly clock: Clock,
  ) {}

  list(query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    const sort = parseSort(undefined, { createdAt: { expression: 'k.created_at', key: 'createdAt' } }, '-createdAt', { expression: 'k.id', key: 'id' });
    return paginate(this.dataSource.getRepository(ApiKey).createQueryBuilder('k'), { sort, cursor: query.cursor, limit: query.limit, count: query.count }, toApiKeyDto);
  }

  /** Creates a key owned by the caller; the secret is in this response and nowhere else, ever. */
  async create(principal: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    if (dto.expiresAt && new Date(dto.expiresAt) <= this.clock.now()) throw fieldError('expiresAt', 'expiresAt must be in the future');
    const scopes = [...new Set(dto.scopes)].sort();
    // A key used with more than its owner holds would be cut at use anyway; refusing now avoids a surprise.
    const missing = scopes.filter((s) => !principal.permissions[s]);
    if (missing.length) throw fieldError('scopes', `scopes may only hold permissions you have; missing ${missing.join(', ')}`);
    const { secret, prefix, keyHash } = newApiKeySecret();
    return this.tx.run(async (m) => {
      const key = await m.save(ApiKey, m.create(ApiKey, { name: dto.name, prefix, keyHash, scopes, rateLimitPerMinute: dto.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT, expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null, ownerId: principal.userId }));
      await this.audit.record(m, {
        action: 'create',
        entityType: 'api-key',
        entityId: key.id,
        changes: { name: { before: null, after: key.name }, scopes: { before: null, after: scopes }, prefix: { before: null, after: prefix }, expiresAt: { before: null, after: dto.expiresAt ?? null } },
      });
      return { ...toApiKeyDto(key), secret };
    });
  }

  /** Idempotent: revoking a revoked key changes nothing and records nothing. */
  async revoke(id: string): Promise<void> {
    await this.tx.run(async (m) => {
      const key = await m.getRepository(ApiKey).createQueryBuilder('k').where('k.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!key) throw DomainException.notFound('API key');
      if (key.revokedAt) return;
      const revokedAt = this.clock.now();
      await m.update(ApiKey, id, { revokedAt });
      await this.audit.record(m, { action: 'revoke', entityType: 'api-key', entityId: id, changes: { revokedAt: { before: null, after: revokedAt.toISOString() } } });
    });
  }

  /**
   * Checks a presented secret and counts the request against the key's per-minute
   * limit (shared by all replicas). Revoked, expired and unknown keys are all 401.
   */
  async authenticate(secret: string): Promise<AuthenticatedApiKey> {
    if (!isApiKeySecret(secret)) throw unauthenticated('The API key is not valid.');
    const [key] = (await this.dataSource.query(`SELECT id, owner_id, scopes, rate_limit_per_minute, expires_at, revoked_at FROM api_keys WHERE key_hash = $1`, [hashApiKeySecret(secret)])) as {
      id: string;
      owner_id: string;
      scopes: string[];
      rate_limit_per_minute: number;
      expires_at: Date | null;
      revoked_at: Date | null;
    }[];
    if (!key) throw unauthenticated('The API key is not valid.');
    const now = this.clock.now();
    if (key.revoked_at) throw unauthenticated('The API key has been revoked.');
    if (key.expires_at && key.expires_at <= now) throw unauthenticated('The API key has expired.');
    const used = await this.limiter.hit(`api-key:${key.id}`, RATE_WINDOW_SECONDS);
    if (used.count > key.rate_limit_per_minute) throw rateLimited(used.retryAfterSeconds, `This API key may make ${key.rate_limit_per_minute} requests per minute.`);
    // The first request of each window updates lastUsedAt: one write per key per minute, whatever the traffic or replica count.
    if (used.count === 1) await this.dataSource.query(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1`, [key.id, now]);
    return { id: key.id, ownerId: key.owner_id, scopes: key.scopes };
  }
}
