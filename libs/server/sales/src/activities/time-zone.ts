import { ErrorCode } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';

/** Where most of our users work; "today" for my-tasks unless the client sends its zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** An IANA zone name both Node and PostgreSQL know; 400 naming `tz` otherwise. */
export function checkTimeZone(tz: string | undefined): string {
  const zone = tz || DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw new DomainException(ErrorCode.VALIDATION_FAILED, `tz ${zone} is not a known time zone`, { errors: [{ field: 'tz', rule: 'isTimeZone', message: 'tz must be an IANA time zone such as Asia/Shanghai' }] });
  }
}
