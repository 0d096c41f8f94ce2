import { describe, expect, it } from 'vitest';
import { SlaClockState } from '@kehu/contracts';
import { durationText, slaBadge } from './case-sla';

const now = new Date('2026-11-26T10:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const words = { days: (n: number) => `${n} 天`, hours: (n: number) => `${n} 小时`, minutes: (n: number) => `${n} 分钟` };

describe('SLA badge', () => {
  it('shows nothing without a target', () => {
    expect(slaBadge({ dueAt: null, stoppedAt: null, state: null }, now)).toMatchObject({ state: 'none', key: 'none', tag: 'info' });
    expect(slaBadge(null, now).key).toBe('none');
  });

  it('counts down a running clock and marks its last half hour (or the server\'s at-risk) as at risk', () => {
    expect(slaBadge({ dueAt: at(120), stoppedAt: null, state: SlaClockState.RUNNING }, now)).toEqual({ state: 'running', tag: 'primary', key: 'dueIn', minutes: 120 });
    expect(slaBadge({ dueAt: at(20), stoppedAt: null, state: SlaClockState.RUNNING }, now)).toMatchObject({ state: 'at_risk', tag: 'warning', minutes: 20 });
    expect(slaBadge({ dueAt: at(90), stoppedAt: null, state: SlaClockState.AT_RISK }, now)).toMatchObject({ state: 'at_risk', key: 'dueIn' });
  });

  it('a due time passed since the read is breached, by how long', () => {
    expect(slaBadge({ dueAt: at(-35), stoppedAt: null, state: SlaClockState.RUNNING }, now)).toEqual({ state: 'breached', tag: 'danger', key: 'overdueBy', minutes: 35 });
  });

  it('a stopped clock is met, or missed by the time it was late', () => {
    expect(slaBadge({ dueAt: at(60), stoppedAt: at(-10), state: SlaClockState.MET }, now)).toMatchObject({ state: 'met', tag: 'success', key: 'met' });
    expect(slaBadge({ dueAt: at(-100), stoppedAt: at(-40), state: SlaClockState.BREACHED }, now)).toMatchObject({ state: 'breached', key: 'missedBy', minutes: 60 });
  });

  it('a paused clock (the case waits for the customer) says so', () => {
    expect(slaBadge({ dueAt: at(-30), stoppedAt: null, state: SlaClockState.PAUSED }, now)).toMatchObject({ state: 'paused', key: 'paused', tag: 'info' });
  });
});

describe('durations in words', () => {
  it('is as precise as matters', () => {
    expect(durationText(35, words)).toBe('35 分钟');
    expect(durationText(120, words)).toBe('2 小时');
    expect(durationText(135, words)).toBe('2 小时 15 分钟');
    expect(durationText(5 * 60 + 20, words)).toBe('5 小时');
    expect(durationText(3 * 1440 + 4 * 60 + 5, words)).toBe('3 天 4 小时');
    expect(durationText(2 * 1440, words)).toBe('2 天');
  });
});

describe('SLA badge of a clock the server marked breached', () => {
  it('stays breached even when stopped before its (moved) due time', () => {
    expect(slaBadge({ dueAt: at(60), stoppedAt: at(-10), state: SlaClockState.BREACHED }, now)).toMatchObject({ state: 'breached', key: 'missed', minutes: null });
  });
});
