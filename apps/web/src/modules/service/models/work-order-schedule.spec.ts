import { describe, expect, it } from 'vitest';
import { WorkOrderStatus, type WorkOrderDto } from '@kehu/contracts';
import { assignLanes, dayHours, groupByDay, layoutSchedule, scheduleSlots, scheduleWindow, slotRange, startOfWeek, stepAnchor } from './work-order-schedule';

// Local times (the board shows the browser's clock), so the tests hold in any time zone.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);
let seq = 0;
const visit = (technicianId: string, start: Date, end: Date, over: Partial<WorkOrderDto> = {}): WorkOrderDto =>
  ({ id: `w${++seq}`, number: `WO-${seq}`, technicianId, technicianName: technicianId === 't1' ? '王工' : '李工', scheduledStart: start.toISOString(), scheduledEnd: end.toISOString(), status: WorkOrderStatus.SCHEDULED, ...over }) as WorkOrderDto;

describe('schedule window', () => {
  it('a week runs Monday to Monday; a day midnight to midnight; steps move by a week or a day', () => {
    // 2026-11-27 is a Friday, 2026-11-23 its Monday; a Sunday belongs to the week before it.
    expect(startOfWeek(at(27, 15))).toEqual(at(23, 0));
    expect(startOfWeek(at(29, 23))).toEqual(at(23, 0));
    expect(startOfWeek(at(30, 0))).toEqual(at(30, 0));
    expect(scheduleWindow('week', at(27, 15))).toEqual({ from: at(23, 0), to: at(30, 0) });
    expect(scheduleWindow('day', at(27, 15))).toEqual({ from: at(27, 0), to: at(28, 0) });
    expect(stepAnchor('week', at(27, 15), -1)).toEqual(at(20, 15));
    expect(stepAnchor('day', at(27, 15), 1)).toEqual(at(28, 15));
  });

  it('a week has a column per day; a day quarter-hour columns under hour headers', () => {
    const week = scheduleSlots('week', at(27, 15));
    expect(week.slots).toHaveLength(7);
    expect(week.slots[0]).toEqual({ start: at(23, 0), end: at(24, 0) });
    expect(week.headers.every((h) => h.span === 1)).toBe(true);
    const day = scheduleSlots('day', at(27, 15), { first: 8, last: 10 });
    expect(day.headers.map((h) => [h.start.getHours(), h.span])).toEqual([[8, 4], [9, 4]]);
    expect(day.slots).toHaveLength(8);
    expect(day.slots[1]).toEqual({ start: at(27, 8, 15), end: at(27, 8, 30) });
    expect(day.slots[7].end).toEqual(at(27, 10));
  });

  it("a day shows the working hours, widened to whole hours around that day's visits", () => {
    expect(dayHours([], at(27, 0))).toEqual({ first: 7, last: 20 });
    expect(dayHours([visit('t1', at(27, 6, 30), at(27, 8)), visit('t1', at(27, 19), at(27, 21, 15))], at(27, 0))).toEqual({ first: 6, last: 22 });
    // A visit from the evening before into the night after covers the whole day; other days' visits do not count.
    expect(dayHours([visit('t1', at(26, 20), at(28, 2))], at(27, 0))).toEqual({ first: 0, last: 24 });
    expect(dayHours([visit('t1', at(28, 5), at(28, 6))], at(27, 0))).toEqual({ first: 7, last: 20 });
  });
});

describe('schedule layout', () => {
  it('gives overlapping intervals separate lanes and reuses a lane once it is free', () => {
    expect(assignLanes([])).toEqual([]);
    expect(assignLanes([{ start: 0, end: 2 }, { start: 1, end: 3 }, { start: 2, end: 4 }, { start: 0, end: 1 }])).toEqual([1, 0, 1, 0]);
    // back to back shares a lane
    expect(assignLanes([{ start: 4, end: 8 }, { start: 0, end: 4 }])).toEqual([0, 0]);
  });

  it("places a visit over the slots its window touches, or nowhere outside them", () => {
    const { slots } = scheduleSlots('day', at(27, 0), { first: 8, last: 12 });
    expect(slotRange(visit('t1', at(27, 9, 30), at(27, 10, 15)), slots)).toEqual({ column: 6, span: 3 });
    expect(slotRange(visit('t1', at(27, 6), at(27, 8, 15)), slots)).toEqual({ column: 0, span: 1 });
    expect(slotRange(visit('t1', at(27, 12), at(27, 13)), slots)).toBeNull();
  });

  it('a week: one row per technician by name, same-day visits stacked in lanes, a multi-day visit spanning its days', () => {
    const { slots } = scheduleSlots('week', at(27, 0));
    const morning = visit('t1', at(24, 9), at(24, 11));
    const afternoon = visit('t1', at(24, 14), at(24, 16));
    const nextDay = visit('t1', at(25, 9), at(25, 10));
    const long = visit('t2', at(26, 20), at(28, 2));
    const lastWeek = visit('t2', at(16, 9), at(16, 10));
    const rows = layoutSchedule([long, afternoon, nextDay, morning, lastWeek], slots);
    expect(rows.map((r) => [r.technicianName, r.lanes])).toEqual([
      ['李工', 1],
      ['王工', 2],
    ]);
    const wang = rows[1].blocks.map((b) => [b.visit.id, b.column, b.span, b.lane]);
    expect(wang).toEqual([
      [morning.id, 1, 1, 0],
      [afternoon.id, 1, 1, 1],
      [nextDay.id, 2, 1, 0],
    ]);
    expect(rows[0].blocks.map((b) => [b.column, b.span, b.continuesBefore, b.continuesAfter])).toEqual([[3, 3, false, false]]);
  });

  it('a day: visits side by side share a lane, overlapping ones (a cancelled visit and its replacement) do not; clipped ones say so', () => {
    const { slots } = scheduleSlots('day', at(27, 0), { first: 8, last: 20 });
    const cancelled = visit('t1', at(27, 9), at(27, 11), { status: WorkOrderStatus.CANCELLED });
    const replacement = visit('t1', at(27, 10), at(27, 12));
    const later = visit('t1', at(27, 12), at(27, 13));
    const overnight = visit('t2', at(26, 22), at(27, 9));
    const rows = layoutSchedule([later, replacement, cancelled, overnight], slots);
    const wang = rows.find((r) => r.technicianId === 't1')!;
    expect(wang.lanes).toBe(2);
    expect(wang.blocks.map((b) => [b.visit.id, b.column, b.span, b.lane])).toEqual([
      [cancelled.id, 4, 8, 0],
      [replacement.id, 8, 8, 1],
      [later.id, 16, 4, 0],
    ]);
    const li = rows.find((r) => r.technicianId === 't2')!;
    expect(li.blocks[0]).toMatchObject({ column: 0, span: 4, continuesBefore: true, continuesAfter: false });
  });

  it("groups a technician's visits by the day they start, in time order", () => {
    const a = visit('t1', at(28, 14), at(28, 15));
    const b = visit('t1', at(27, 9), at(27, 10));
    const c = visit('t1', at(28, 9), at(28, 10));
    expect(groupByDay([a, b, c]).map((g) => [g.day, g.visits.map((v) => v.id)])).toEqual([
      [at(27, 0), [b.id]],
      [at(28, 0), [c.id, a.id]],
    ]);
  });
});
