import type { WorkOrderDto } from '@kehu/contracts';

// The dispatch board: technicians as rows, the days of a week (or the quarter hours of a day) as
// columns, each visit a block over the columns its window touches. Visits of one technician whose
// columns overlap go to separate lanes (lines) of the row, so no block hides another. Times are the
// browser's: the dispatcher's clock.

export type ScheduleMode = 'week' | 'day';

/** A day's columns are quarter hours, so a 09:30–10:15 visit starts and ends where it should. */
export const slotsPerHour = 4;
/** Hours a day shows at least (a working day); earlier or later visits widen it. */
export const defaultDayHours = { first: 7, last: 20 } as const;

export interface ScheduleSlot {
  start: Date;
  end: Date;
}

/** A labelled header over `span` slots (a day of the week, an hour of the day). */
export interface ScheduleHeader extends ScheduleSlot {
  span: number;
}

export interface ScheduleBlock {
  visit: WorkOrderDto;
  /** First slot (0-based) and how many it spans. */
  column: number;
  span: number;
  lane: number;
  /** The visit goes on before / after the columns shown. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

export interface ScheduleRow {
  technicianId: string;
  technicianName: string;
  lanes: number;
  blocks: ScheduleBlock[];
}

export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Calendar days later (by the date, so a daylight-saving change does not shift midnight). */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, d.getHours(), d.getMinutes());
}

/** Monday of the week (weeks start on Monday in China and in ISO 8601). */
export function startOfWeek(d: Date): Date {
  const day = startOfDay(d);
  return addDays(day, -((day.getDay() + 6) % 7));
}

/** The time the board asks the API for: the week from Monday, or the one day. */
export function scheduleWindow(mode: ScheduleMode, anchor: Date): { from: Date; to: Date } {
  const from = mode === 'week' ? startOfWeek(anchor) : startOfDay(anchor);
  return { from, to: addDays(from, mode === 'week' ? 7 : 1) };
}

/** The anchor one step back or ahead: a week in the week view, a day in the day view. */
export const stepAnchor = (mode: ScheduleMode, anchor: Date, direction: -1 | 1): Date => addDays(anchor, direction * (mode === 'week' ? 7 : 1));

/** The hours a day shows: the working day, widened to whole hours to take in every visit of that day. */
export function dayHours(visits: readonly Pick<WorkOrderDto, 'scheduledStart' | 'scheduledEnd'>[], day: Date): { first: number; last: number } {
  const from = startOfDay(day);
  const to = addDays(from, 1);
  let { first, last }: { first: number; last: number } = defaultDayHours;
  for (const v of visits) {
    const start = new Date(Math.max(Date.parse(v.scheduledStart), from.getTime()));
    const end = new Date(Math.min(Date.parse(v.scheduledEnd), to.getTime()));
    if (end <= start) continue;
    first = Math.min(first, start.getHours());
    last = Math.max(last, end.getTime() === to.getTime() ? 24 : end.getHours() + (end.getMinutes() || end.getSeconds() ? 1 : 0));
  }
  return { first, last };
}

/** The columns and their headers: 7 days, or a day's hours in quarter-hour slots. */
export function scheduleSlots(mode: ScheduleMode, anchor: Date, hours: { first: number; last: number } = defaultDayHours): { slots: ScheduleSlot[]; headers: ScheduleHeader[] } {
  if (mode === 'week') {
    const monday = startOfWeek(anchor);
    const slots = Array.from({ length: 7 }, (_, i) => ({ start: addDays(monday, i), end: addDays(monday, i + 1) }));
    return { slots, headers: slots.map((s) => ({ ...s, span: 1 })) };
  }
  const day = startOfDay(anchor);
  const at = (hour: number, quarter = 0) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, (quarter * 60) / slotsPerHour);
  const slots: ScheduleSlot[] = [];
  const headers: ScheduleHeader[] = [];
  for (let hour = hours.first; hour < hours.last; hour++) {
    headers.push({ start: at(hour), end: at(hour + 1), span: slotsPerHour });
    for (let q = 0; q < slotsPerHour; q++) slots.push({ start: at(hour, q), end: q + 1 === slotsPerHour ? at(hour + 1) : at(hour, q + 1) });
  }
  return { slots, headers };
}

/**
 * Lanes for intervals [start, end): each goes to the first lane free by its start (greedy in
 * start order, which needs as many lanes as the most intervals overlapping at one point).
 */
export function assignLanes(intervals: readonly { start: number; end: number }[]): number[] {
  const order = intervals.map((_, i) => i).sort((a, b) => intervals[a].start - intervals[b].start || intervals[a].end - intervals[b].end);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(intervals.length);
  for (const i of order) {
    let lane = laneEnds.findIndex((end) => end <= intervals[i].start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = intervals[i].end;
    lanes[i] = lane;
  }
  return lanes;
}

/** The slots a visit's window touches, or null when it lies outside them. */
export function slotRange(visit: Pick<WorkOrderDto, 'scheduledStart' | 'scheduledEnd'>, slots: readonly ScheduleSlot[]): { column: number; span: number } | null {
  const start = Date.parse(visit.scheduledStart);
  const end = Date.parse(visit.scheduledEnd);
  let first = -1;
  let last = -1;
  slots.forEach((slot, i) => {
    if (slot.start.getTime() < end && slot.end.getTime() > start) {
      if (first === -1) first = i;
      last = i;
    }
  });
  return first === -1 ? null : { column: first, span: last - first + 1 };
}

/** One row per technician with a visit in the columns (by name), each visit placed in its lane. */
export function layoutSchedule(visits: readonly WorkOrderDto[], slots: readonly ScheduleSlot[]): ScheduleRow[] {
  if (!slots.length) return [];
  const from = slots[0].start.getTime();
  const to = slots[slots.length - 1].end.getTime();
  const byTechnician = new Map<string, { name: string; placed: Omit<ScheduleBlock, 'lane'>[] }>();
  for (const visit of visits) {
    const range = slotRange(visit, slots);
    if (!range) continue;
    const row = byTechnician.get(visit.technicianId) ?? { name: visit.technicianName ?? '', placed: [] };
    byTechnician.set(visit.technicianId, row);
    row.placed.push({ visit, ...range, continuesBefore: Date.parse(visit.scheduledStart) < from, continuesAfter: Date.parse(visit.scheduledEnd) > to });
  }
  return [...byTechnician.entries()]
    .map(([technicianId, { name, placed }]) => {
      placed.sort((a, b) => a.column - b.column || Date.parse(a.visit.scheduledStart) - Date.parse(b.visit.scheduledStart));
      const lanes = assignLanes(placed.map((b) => ({ start: b.column, end: b.column + b.span })));
      return { technicianId, technicianName: name, lanes: Math.max(1, ...lanes.map((l) => l + 1)), blocks: placed.map((b, i) => ({ ...b, lane: lanes[i] })) };
    })
    .sort((a, b) => a.technicianName.localeCompare(b.technicianName) || a.technicianId.localeCompare(b.technicianId));
}

export const sameDay = (a: Date, b: Date) => startOfDay(a).getTime() === startOfDay(b).getTime();

/** Visits grouped by the day they start, in time order (a technician's days ahead). */
export function groupByDay<T extends Pick<WorkOrderDto, 'scheduledStart'>>(visits: readonly T[]): { day: Date; visits: T[] }[] {
  const groups = new Map<number, { day: Date; visits: T[] }>();
  for (const visit of [...visits].sort((a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart))) {
    const day = startOfDay(new Date(visit.scheduledStart));
    const group = groups.get(day.getTime()) ?? { day, visits: [] };
    groups.set(day.getTime(), group);
    group.visits.push(visit);
  }
  return [...groups.values()];
}
