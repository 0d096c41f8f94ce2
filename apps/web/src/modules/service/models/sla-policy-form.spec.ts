import { describe, expect, it } from 'vitest';
import { CasePriority, type SlaPolicyDto } from '@kehu/contracts';
import { formFromPolicy, fromDuration, intervalProblems, policyBody, toDuration } from './sla-policy-form';

const policy: SlaPolicyDto = {
  calendar: {
    timeZone: 'Asia/Shanghai',
    workingHours: [
      { weekday: 1, start: '13:30', end: '18:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 2, start: '09:00', end: '18:00' },
    ],
    holidays: ['2026-10-02', '2026-10-01'],
    extraWorkdays: ['2026-09-27'],
  },
  targets: [
    { priority: CasePriority.URGENT, firstResponseMinutes: 30, resolutionMinutes: 240, businessHours: false },
    { priority: CasePriority.LOW, firstResponseMinutes: null, resolutionMinutes: 4320, businessHours: true },
  ],
  autoCloseDays: 7,
  updatedAt: '2026-11-26T00:00:00Z',
  version: 3,
};

describe('SLA policy form', () => {
  it('groups working hours per weekday in order and lists the targets highest priority first', () => {
    const form = formFromPolicy(policy);
    expect(form.days[0]).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }]);
    expect(form.days[6]).toEqual([]);
    expect(form.holidays).toEqual(['2026-10-01', '2026-10-02']);
    expect(form.targets.map((t) => t.priority)).toEqual(['urgent', 'high', 'normal', 'low']);
    expect(form.targets[0].resolution).toEqual({ hours: 4, minutes: 0 });
    expect(form.targets[3].firstResponse).toEqual({ hours: null, minutes: null });
  });

  it('sends all four targets in minutes, empty ones as no target', () => {
    const body = policyBody(formFromPolicy(policy));
    expect(body.targets).toHaveLength(4);
    expect(body.targets?.[0]).toEqual({ priority: 'urgent', firstResponseMinutes: 30, resolutionMinutes: 240, businessHours: false });
    expect(body.targets?.[1]).toMatchObject({ priority: 'high', firstResponseMinutes: null, resolutionMinutes: null });
    expect(body.calendar?.workingHours).toEqual([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:30', end: '18:00' },
      { weekday: 2, start: '09:00', end: '18:00' },
    ]);
    expect(body.autoCloseDays).toBe(7);
  });

  it('converts hours and minutes', () => {
    expect(toDuration(90)).toEqual({ hours: 1, minutes: 30 });
    expect(fromDuration({ hours: 1, minutes: 30 })).toBe(90);
    expect(fromDuration({ hours: null, minutes: 15 })).toBe(15);
    expect(fromDuration({ hours: 0, minutes: 0 })).toBeNull();
  });

  it('marks intervals that end before they start or overlap', () => {
    expect(intervalProblems([{ start: '09:00', end: '12:00' }, { start: '13:00', end: '24:00' }])).toEqual([null, null]);
    expect(intervalProblems([{ start: '12:00', end: '09:00' }])).toEqual(['order']);
    expect(intervalProblems([{ start: '09:00', end: '12:00' }, { start: '11:00', end: '14:00' }])).toEqual(['overlap', 'overlap']);
  });
});
