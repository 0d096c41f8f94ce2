import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './business-calendar';

const weekdays = (intervals: [string, string][]) => [1, 2, 3, 4, 5].flatMap((weekday) => intervals.map(([start, end]) => ({ weekday, start, end })));
const shanghai: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  workingHours: weekdays([['09:00', '12:00'], ['13:00', '18:00']]),
  // National Day week 2026: 1–7 Oct off; Sat 10 Oct worked instead (调休).
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-10-10'],
};
const at = (iso: string) => new Date(iso);

describe('business calendar', () => {
  it('adds minutes inside one working interval', () => {
    // Thu 2026-11-26 10:00 +08:00 + 60 min → 11:00 +08:00
    expect(addBusinessMinutes(shanghai, at('2026-11-26T02:00:00Z'), 60).toISOString()).toBe('2026-11-26T03:00:00.000Z');
  });

  it('skips the lunch break and the night', () => {
    // 11:30 + 60 → 13:30 (lunch 12–13 does not count)
    expect(addBusinessMinutes(shanghai, at('2026-11-26T03:30:00Z'), 60).toISOString()).toBe('2026-11-26T05:30:00.000Z');
    // 17:30 Thu + 60 → 09:30 Fri
    expect(addBusinessMinutes(shanghai, at('2026-11-26T09:30:00Z'), 60).toISOString()).toBe('2026-11-27T01:30:00.000Z');
  });

  it('starts at the next opening when raised outside hours, and skips the weekend', () => {
    // Fri 20:00 + 30 → Mon 09:30
    expect(addBusinessMinutes(shanghai, at('2026-11-27T12:00:00Z'), 30).toISOString()).toBe('2026-11-30T01:30:00.000Z');
    // Sat 10:00 + 8 hours → Mon 18:00
    expect(addBusinessMinutes(shanghai, at('2026-11-28T02:00:00Z'), 480).toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('skips public holidays and works the 调休 Saturday', () => {
    // Wed 30 Sep 17:00 + 120 min: 1 h on 30 Sep, then 1–7 Oct off (3–4 Oct weekend), Thu 8 Oct 10:00
    expect(addBusinessMinutes(shanghai, at('2026-09-30T09:00:00Z'), 120).toISOString()).toBe('2026-10-08T02:00:00.000Z');
    // Fri 9 Oct 17:00 + 120 → Sat 10 Oct 10:00 (a worked Saturday, with Monday's hours)
    expect(addBusinessMinutes(shanghai, at('2026-10-09T09:00:00Z'), 120).toISOString()).toBe('2026-10-10T02:00:00.000Z');
  });

  it('counts working minutes between two instants, the inverse of adding', () => {
    expect(businessMinutesBetween(shanghai, at('2026-11-26T09:30:00Z'), at('2026-11-27T01:30:00Z'))).toBe(60);
    expect(businessMinutesBetween(shanghai, at('2026-11-27T12:00:00Z'), at('2026-11-30T01:30:00Z'))).toBe(30);
    expect(businessMinutesBetween(shanghai, at('2026-11-30T01:30:00Z'), at('2026-11-27T12:00:00Z'))).toBe(0);
    const from = at('2026-09-29T06:17:00Z');
    for (const minutes of [1, 59, 600, 2_345, 10_000]) {
      expect(businessMinutesBetween(shanghai, from, addBusinessMinutes(shanghai, from, minutes))).toBe(minutes);
    }
  });

  it('follows daylight saving time in a zone that has it', () => {
    const berlin: BusinessCalendar = { timeZone: 'Europe/Berlin', workingHours: weekdays([['09:00', '17:00']]), holidays: [], extraWorkdays: [] };
    // Fri 23 Oct 2026 16:00 CEST (+02) + 120 → Mon 26 Oct 10:00 CET (+01) after the clocks went back on Sunday
    expect(addBusinessMinutes(berlin, at('2026-10-23T14:00:00Z'), 120).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts around the clock when the calendar has no working hours', () => {
    const none: BusinessCalendar = { timeZone: 'UTC', workingHours: [], holidays: [], extraWorkdays: [] };
    expect(addBusinessMinutes(none, at('2026-11-28T00:00:00Z'), 90).toISOString()).toBe('2026-11-28T01:30:00.000Z');
  });
});
