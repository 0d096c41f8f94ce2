import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ErrorCode } from '@kehu/contracts';
import { DomainException } from '../errors/domain.exception';
import type { HttpReply } from '../http/http-reply';

/** ETag for a versioned record: the version is all a client needs to echo back. */
export const etagOf = (version: number): string => `"${version}"`;

export function setEtag(res: HttpReply, version: number): void {
  res.header('ETag', etagOf(version));
}

/**
 * Reads `If-Match` into a version number. Missing → 428 (we never guess);
 * unparsable → 412 (it cannot match any version).
 */
export function versionFromIfMatch(header: string | undefined): number {
  if (!header) {
    throw new DomainException(ErrorCode.PRECONDITION_REQUIRED, 'Send If-Match with the ETag from your last read, so concurrent edits are not lost.');
  }
  const m = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!m) throw new DomainException(ErrorCode.PRECONDITION_FAILED, 'If-Match does not match the current version.');
  return Number(m[1]);
}

/** `@IfMatch() version: number` on PATCH/DELETE handlers. */
export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext): number => {
  return versionFromIfMatch(ctx.switchToHttp().getRequest().headers['if-match']);
});
