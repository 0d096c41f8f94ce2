import { ErrorCode } from '@kehu/contracts';
import { DomainException } from '../errors/domain.exception';

type CursorValue = string | number | boolean | null;

/** Opaque cursor: base64url of `[sortKey, ...lastRowValues]`. Bound to the sort it was made for. */
export function encodeCursor(sortKey: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([sortKey, ...values])).toString('base64url');
}

export function decodeCursor(cursor: string, sortKey: string, length: number): CursorValue[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed[0] === sortKey && parsed.length === length + 1) return parsed.slice(1);
  } catch {
    // fall through
  }
  throw new DomainException(ErrorCode.INVALID_CURSOR, 'The cursor is invalid or was made for another sort order.', {
    errors: [{ field: 'cursor', rule: 'cursor', message: 'cursor is invalid or does not match sort' }],
  });
}
