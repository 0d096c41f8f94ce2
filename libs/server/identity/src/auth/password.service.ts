import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { ErrorCode, Limits } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';

/** argon2id with OWASP's baseline parameters. */
@Injectable()
export class PasswordService {
  private dummy?: Promise<string>;

  /** Verified against when the e-mail is unknown, so both paths cost the same (no enumeration by timing). */
  dummyHash(): Promise<string> {
    this.dummy ??= this.hash('not-a-real-password-0');
    return this.dummy;
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Refuses weak passwords with a field error, before hashing. */
  assertPolicy(password: string, email: string, field = 'newPassword'): void {
    const problems: string[] = [];
    if (password.length < Limits.passwordMinLength) problems.push(`must have at least ${Limits.passwordMinLength} characters`);
    if (password.toLowerCase() === email.toLowerCase() || password.toLowerCase() === email.split('@')[0].toLowerCase()) problems.push('must not equal the e-mail address');
    if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) problems.push('must contain letters and digits');
    if (problems.length) {
      throw new DomainException(ErrorCode.PASSWORD_POLICY, `The password ${problems.join(', ')}.`, {
        errors: problems.map((message) => ({ field, rule: 'passwordPolicy', message: `${field} ${message}` })),
      });
    }
  }
}
