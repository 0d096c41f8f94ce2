import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@kehu/server-core';
import type { TokenPairDto } from '@kehu/contracts';
import { RefreshToken } from './refresh-token.entity';

export interface AccessTokenPayload {
  sub: string;
  /** Refresh-token family = login session; revoking it ends the session. */
  sid: string;
}

/** Verified access tokens kept (one per signed-in client; ~250 bytes each). */
const VERIFIED_TOKENS = 10_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class TokenService {
  /**
   * The HS256 key as a KeyObject, made once: given a string, jsonwebtoken first tries
   * createPublicKey on it and catches the error on every verify (~14% of a by-id request).
   */
  private readonly key: Buffer;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // @nestjs/jwt types `secret` as string | Buffer; jsonwebtoken takes a KeyObject too.
    this.key = createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer;
  }

  /** Issues an access token and a new refresh token in `familyId` (a new family on login). */
  async issue(manager: EntityManager, userId: string, familyId: string = randomUUID()): Promise<TokenPairDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, {
      userId,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    const payload: AccessTokenPayload = { sub: userId, sid: familyId };
    const accessToken = await this.jwt.signAsync(payload, { secret: this.key, expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** Tokens whose signature was checked, until they expire: a client sends the same one for minutes. */
  private readonly verified = new Map<string, { payload: AccessTokenPayload; expiresAtMs: number }>();

  /**
   * The signature is checked once per token (HMAC and JSON parsing were ~6 % of a by-id request's
   * CPU); expiry on every call. An expired or unknown token goes to jsonwebtoken, which raises the
   * usual errors. Revocation is not the token's business: the session is checked by the principal
   * cache on every request.
   */
  async verifyAccess(token: string): Promise<AccessTokenPayload> {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAtMs > Date.now()) return hit.payload;
    if (hit) this.verified.delete(token);
    const payload = await this.jwt.verifyAsync<AccessTokenPayload & { exp?: number }>(token, { secret: this.key, algorithms: ['HS256'] });
    if (payload.exp) {
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string); // oldest first
      this.verified.set(token, { payload: Object.freeze({ sub: payload.sub, sid: payload.sid }), expiresAtMs: payload.exp * 1000 });
    }
    return payload;
  }
}
