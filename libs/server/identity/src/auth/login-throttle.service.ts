import { Injectable } from '@nestjs/common';
import { requestContext } from '@kehu/server-core';
import { RateLimiterService, rateLimited } from './rate-limiter.service';

/** Brute-force limits on password login; numbers chosen after OWASP's guidance. */
export const LOGIN_LIMITS = {
  /** Failures per account within one window before the account locks. */
  accountFailures: 5,
  /** Failures per client IP within one window before the IP is refused (password spraying). */
  ipFailures: 20,
  windowSeconds: 15 * 60,
  /** First lock; each further lock within `lockMemorySeconds` doubles it. */
  lockSeconds: 15 * 60,
  lockMemorySeconds: 24 * 3600,
  maxLockSeconds: 24 * 3600,
} as const;

const accountKey = (email: string) => `login-fail:${email.toLowerCase()}`;
const lockKey = (email: string) => `login-lock:${email.toLowerCase()}`;
const ipKey = (ip: string) => `login-ip:${ip}`;

/**
 * Account lockout with doubling, plus a per-IP cap, over the shared Postgres counters.
 * Keys are the e-mail as typed (lower-cased), so an unknown address locks exactly
 * like a real one and lockout reveals nothing about which accounts exist.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly limiter: RateLimiterService) {}

  /** Refuses before the (slow) password check when the account or the IP is locked. */
  async assertAllowed(email: string): Promise<void> {
    const lock = await this.limiter.activeLock(lockKey(email), LOGIN_LIMITS.lockSeconds, LOGIN_LIMITS.maxLockSeconds);
    if (lock) throw rateLimited(lock.retryAfterSeconds, 'Too many failed logins for this account; try again later.');
    const ip = requestContext.get()?.ip;
    if (!ip) return;
    const fromIp = await this.limiter.peek(ipKey(ip), LOGIN_LIMITS.windowSeconds);
    if (fromIp.count >= LOGIN_LIMITS.ipFailures) throw rateLimited(fromIp.retryAfterSeconds, 'Too many failed logins from this address; try again later.');
  }

  /** Counts a failure; returns the lock it triggered, if any. */
  async recordFailure(email: string): Promise<{ lockedForSeconds: number } | null> {
    const ip = requestContext.get()?.ip;
    if (ip) await this.limiter.hit(ipKey(ip), LOGIN_LIMITS.windowSeconds);
    const failures = await this.limiter.hit(accountKey(email), LOGIN_LIMITS.windowSeconds);
    if (failures.count < LOGIN_LIMITS.accountFailures) return null;
    const lock = await this.limiter.lock(lockKey(email), LOGIN_LIMITS.lockSeconds, LOGIN_LIMITS.lockMemorySeconds, LOGIN_LIMITS.maxLockSeconds);
    // The lock now guards the account; counting restarts so that after it ends the
    // next lock needs another full run of failures (and is then twice as long).
    await this.limiter.reset(accountKey(email));
    return { lockedForSeconds: lock.retryAfterSeconds };
  }

  /** A correct password clears the account's failures (not the lock history, not the IP's count). */
  async recordSuccess(email: string): Promise<void> {
    await this.limiter.reset(accountKey(email));
  }
}
