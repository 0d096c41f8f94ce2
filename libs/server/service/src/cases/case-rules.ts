import { CaseLimits, CaseStatus, ErrorCode, SlaClockState } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';

/** Cases still being worked on: the SLA clocks run (pending stops the resolution clock). */
export const ACTIVE: string[] = [CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING];
export const DONE: string[] = [CaseStatus.RESOLVED, CaseStatus.CLOSED];

/** 409 CASE_STATUS_TRANSITION naming the current status and what the action needs. */
export function transitionError(status: string, action: string, allowed: string[]): DomainException {
  return new DomainException(ErrorCode.CASE_STATUS_TRANSITION, `Cannot ${action} a ${status} case (only ${allowed.join(' / ')}).`, { extensions: { currentStatus: status, allowed } });
}

const MINUTE = 60_000;

/**
 * Where one SLA clock stands: met / breached once stopped; paused while pending; otherwise
 * breached past due, at risk in its last fifth (at least the last 30 minutes), else running.
 */
export function clockState(clock: { dueAt: Date | null; stoppedAt: Date | null; startedAt: Date; breachedAt: Date | null; paused?: boolean }, now: Date): SlaClockState | null {
  if (clock.stoppedAt) {
    if (!clock.dueAt) return clock.breachedAt ? SlaClockState.BREACHED : null;
    return clock.stoppedAt.getTime() <= clock.dueAt.getTime() && !clock.breachedAt ? SlaClockState.MET : SlaClockState.BREACHED;
  }
  if (clock.breachedAt) return SlaClockState.BREACHED;
  if (clock.paused) return SlaClockState.PAUSED;
  if (!clock.dueAt) return null;
  const left = clock.dueAt.getTime() - now.getTime();
  if (left < 0) return SlaClockState.BREACHED;
  const span = clock.dueAt.getTime() - clock.startedAt.getTime();
  return left <= Math.max(30 * MINUTE, span * CaseLimits.atRiskShare) ? SlaClockState.AT_RISK : SlaClockState.RUNNING;
}

/** First-contact resolution: resolved with at most one reply to the customer and never reopened. */
export const isFirstContactResolution = (c: { resolvedAt: Date | null; replyCount: number; reopenCount: number }) => c.resolvedAt !== null && c.replyCount <= 1 && c.reopenCount === 0;
