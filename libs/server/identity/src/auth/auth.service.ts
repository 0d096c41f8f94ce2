import { Injectable } from '@nestjs/common';
import { ErrorCode, type TokenPairDto } from '@kehu/contracts';
import { AuditService, DomainException, TransactionService, type Principal } from '@kehu/server-core';
import { IsNull } from 'typeorm';
import { User } from '../users/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { RefreshToken } from './refresh-token.entity';
import { hashToken, TokenService } from './token.service';

const invalidCredentials = () => new DomainException(ErrorCode.INVALID_CREDENTIALS, 'E-mail or password is wrong.');
const invalidRefresh = () => new DomainException(ErrorCode.UNAUTHENTICATED, 'The refresh token is not valid; log in again.');

@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TransactionService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Locked accounts and IPs are refused (429) before the password is even checked. */
  async login(email: string, password: string): Promise<TokenPairDto> {
    await this.throttle.assertAllowed(email);
    const user = await this.tx.run((m) =>
      m.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email AND u.deleted_at IS NULL', { email: email.toLowerCase() }).getOne(),
    );
    const ok = await this.passwords.verify(user?.passwordHash ?? (await this.passwords.dummyHash()), password);
    if (!user || !ok) {
      const locked = await this.throttle.recordFailure(email);
      await this.tx.run(async (m) => {
        await this.audit.record(m, { action: 'login.failed', entityType: 'user', entityId: user?.id ?? null, actorId: user?.id ?? null, changes: { email: { before: null, after: email } } });
        if (locked) await this.audit.record(m, { action: 'login.locked', entityType: 'user', entityId: user?.id ?? null, actorId: null, changes: { lockedForSeconds: { before: null, after: locked.lockedForSeconds } } });
      });
      throw invalidCredentials();
    }
    if (!user.active) throw new DomainException(ErrorCode.ACCOUNT_DISABLED, 'This account is disabled.');
    await this.throttle.recordSuccess(email);
    return this.tx.run(async (m) => {
      const pair = await this.tokens.issue(m, user.id);
      await this.audit.record(m, { action: 'login', entityType: 'user', entityId: user.id, actorId: user.id });
      return pair;
    });
  }

  /** Rotates a refresh token; a reused token revokes its whole family (it has leaked). */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const outcome = await this.tx.run(async (m) => {
      const token = await m
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .where('t.token_hash = :h', { h: hashToken(refreshToken) })
        .setLock('pessimistic_write')
        .getOne();
      if (!token || token.revokedAt || token.expiresAt < new Date()) return { error: invalidRefresh() };
      if (token.usedAt) {
        await m.update(RefreshToken, { familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        await this.audit.record(m, { action: 'session.revoked', entityType: 'user', entityId: token.userId, actorId: token.userId, changes: { reason: { before: null, after: 'refresh token reused' } } });
        return { error: invalidRefresh() };
      }
      const user = await m.findOne(User, { where: { id: token.userId } });
      if (!user) return { error: invalidRefresh() };
      if (!user.active) return { error: new DomainException(ErrorCode.ACCOUNT_DISABLED, 'This account is disabled.') };
      await m.update(RefreshToken, token.id, { usedAt: new Date() });
      return { pair: await this.tokens.issue(m, user.id, token.familyId) };
    });
    // Thrown after commit so the family revocation is kept.
    if (outcome.error) throw outcome.error;
    return outcome.pair as TokenPairDto;
  }

  /** Ends the caller's session (and, if given, the family of that refresh token). */
  async logout(principal: Principal, refreshToken?: string): Promise<void> {
    await this.tx.run(async (m) => {
      if (principal.sessionId) await m.update(RefreshToken, { familyId: principal.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (refreshToken) {
        const token = await m.findOne(RefreshToken, { where: { tokenHash: hashToken(refreshToken), userId: principal.userId } });
        if (token) await m.update(RefreshToken, { familyId: token.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      await this.audit.record(m, { action: 'logout', entityType: 'user', entityId: principal.userId });
    });
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.tx.run((m) => m.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: principal.userId }).getOneOrFail());
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new DomainException(ErrorCode.VALIDATION_FAILED, 'The current password is wrong.', { errors: [{ field: 'currentPassword', rule: 'currentPassword', message: 'currentPassword is wrong' }] });
    }
    this.passwords.assertPolicy(newPassword, user.email);
    const passwordHash = await this.passwords.hash(newPassword);
    await this.tx.run(async (m) => {
      await m.update(User, user.id, { passwordHash });
      // Other sessions end: whoever knew the old password is logged out.
      await m
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :u AND revoked_at IS NULL AND family_id <> :sid', { u: user.id, sid: principal.sessionId ?? '00000000-0000-0000-0000-000000000000' })
        .execute();
      await this.audit.record(m, { action: 'password.changed', entityType: 'user', entityId: user.id });
    });
  }
}
