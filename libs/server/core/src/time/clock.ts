import { Injectable } from '@nestjs/common';

/**
 * The time that rate windows, lockouts, key expiry and delegations are measured
 * against. A provider (not `new Date()` inline) so tests can move time forward
 * instead of sleeping: `jest.spyOn(app.get(Clock), 'now').mockReturnValue(…)`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
