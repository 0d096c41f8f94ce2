import { SlaClockState, type SlaClockDto } from '@kehu/contracts';

/** Element Plus tag colours of the badge states. */
export type SlaTagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

export interface SlaBadge {
  /** The state now: the server's, brought up to date with the client's clock (a due time may have passed since the read). */
  state: SlaClockState | 'none';
  tag: SlaTagType;
  /** i18n key under `service.sla.badge.` and its `time` parameter (a duration in words). */
  key: 'none' | 'dueIn' | 'overdueBy' | 'met' | 'missedBy' | 'missed' | 'paused';
  minutes: number | null;
}

/** A clock with less than this left is at risk even when the server has not said so yet. */
const AT_RISK_MINUTES = 30;
const MINUTE = 60_000;

export const slaTag: Record<SlaBadge['state'], SlaTagType> = {
  none: 'info',
  [SlaClockState.RUNNING]: 'primary',
  [SlaClockState.AT_RISK]: 'warning',
  [SlaClockState.MET]: 'success',
  [SlaClockState.BREACHED]: 'danger',
  [SlaClockState.PAUSED]: 'info',
};

const badge = (state: SlaBadge['state'], key: SlaBadge['key'], minutes: number | null = null): SlaBadge => ({ state, tag: slaTag[state], key, minutes });

/**
 * What the list and the detail page show for one SLA clock: its colour and a relative due time
 * ("2 小时后到期", "已超时 35 分钟"). A stopped clock says whether it was met; a paused one (the case
 * waits for the customer) says so; a clock without a target shows nothing.
 */
export function slaBadge(clock: SlaClockDto | null | undefined, now: Date = new Date()): SlaBadge {
  if (!clock?.dueAt) return badge('none', 'none');
  const due = new Date(clock.dueAt).getTime();
  if (clock.stoppedAt) {
    const late = Math.floor((new Date(clock.stoppedAt).getTime() - due) / MINUTE);
    if (late > 0) return badge(SlaClockState.BREACHED, 'missedBy', late);
    // Recorded as breached by the server although stopped in time (a due time moved by a priority change).
    return clock.state === SlaClockState.BREACHED ? badge(SlaClockState.BREACHED, 'missed') : badge(SlaClockState.MET, 'met');
  }
  if (clock.state === SlaClockState.MET) return badge(SlaClockState.MET, 'met');
  if (clock.state === SlaClockState.PAUSED) return badge(SlaClockState.PAUSED, 'paused');
  const left = Math.floor((due - now.getTime()) / MINUTE);
  if (left < 0 || clock.state === SlaClockState.BREACHED) return badge(SlaClockState.BREACHED, 'overdueBy', Math.max(1, -left));
  if (left < AT_RISK_MINUTES || clock.state === SlaClockState.AT_RISK) return badge(SlaClockState.AT_RISK, 'dueIn', Math.max(1, left));
  return badge(SlaClockState.RUNNING, 'dueIn', left);
}

export interface DurationWords {
  days: (n: number) => string;
  hours: (n: number) => string;
  minutes: (n: number) => string;
}

/**
 * Minutes in words, as precise as matters: "35 分钟", "2 小时 15 分钟" (under three hours),
 * "5 小时", "3 天 4 小时". The words come from the caller (the UI language).
 */
export function durationText(total: number, words: DurationWords): string {
  const minutes = Math.max(0, Math.round(total));
  if (minutes < 60) return words.minutes(minutes);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours ? `${words.days(days)} ${words.hours(hours)}` : words.days(days);
  return hours < 3 && rest ? `${words.hours(hours)} ${words.minutes(rest)}` : words.hours(hours);
}
