import { CasePriority, type SlaPolicyDto, type SlaTargetDto, type UpdateSlaPolicyDto, type WorkingIntervalDto } from '@kehu/contracts';

/** ISO weekdays, Monday first. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export interface IntervalValues {
  start: string;
  end: string;
}

/** A target in hours and minutes as the form edits it; both null = no target. */
export interface DurationValues {
  hours: number | null;
  minutes: number | null;
}

export interface TargetValues {
  priority: CasePriority;
  firstResponse: DurationValues;
  resolution: DurationValues;
  businessHours: boolean;
}

export interface SlaPolicyFormValues {
  timeZone: string;
  /** Per ISO weekday (index 0 = Monday) its working intervals; none = a day off. */
  days: IntervalValues[][];
  holidays: string[];
  extraWorkdays: string[];
  targets: TargetValues[];
  autoCloseDays: number;
}

const priorities = [CasePriority.URGENT, CasePriority.HIGH, CasePriority.NORMAL, CasePriority.LOW];

export const toDuration = (minutes: number | null): DurationValues =>
  minutes === null ? { hours: null, minutes: null } : { hours: Math.floor(minutes / 60), minutes: minutes % 60 };

/** Hours and minutes back to minutes; empty (or zero) is no target. */
export const fromDuration = (d: DurationValues): number | null => {
  if (d.hours === null && d.minutes === null) return null;
  const total = (d.hours ?? 0) * 60 + (d.minutes ?? 0);
  return total > 0 ? total : null;
};

/** "1 h 30 min" style text of a target, for read-only display. */
export const durationLabel = (minutes: number | null, h: string, min: string): string => {
  if (minutes === null) return '—';
  const d = toDuration(minutes);
  return [d.hours ? `${d.hours} ${h}` : '', d.minutes ? `${d.minutes} ${min}` : ''].filter(Boolean).join(' ');
};

export function formFromPolicy(p: SlaPolicyDto): SlaPolicyFormValues {
  const days = weekdays.map((day) =>
    p.calendar.workingHours
      .filter((w) => w.weekday === day)
      .map((w) => ({ start: w.start, end: w.end }))
      .sort((a, b) => a.start.localeCompare(b.start)),
  );
  const byPriority = new Map(p.targets.map((t) => [t.priority, t]));
  return {
    timeZone: p.calendar.timeZone,
    days,
    holidays: [...p.calendar.holidays].sort(),
    extraWorkdays: [...p.calendar.extraWorkdays].sort(),
    targets: priorities.map((priority) => {
      const t = byPriority.get(priority);
      return { priority, firstResponse: toDuration(t?.firstResponseMinutes ?? null), resolution: toDuration(t?.resolutionMinutes ?? null), businessHours: t?.businessHours ?? true };
    }),
    autoCloseDays: p.autoCloseDays,
  };
}

export function policyBody(v: SlaPolicyFormValues): UpdateSlaPolicyDto {
  const workingHours: WorkingIntervalDto[] = v.days.flatMap((intervals, i) => intervals.map((w) => ({ weekday: i + 1, start: w.start, end: w.end })));
  const targets: SlaTargetDto[] = v.targets.map((t) => ({
    priority: t.priority,
    firstResponseMinutes: fromDuration(t.firstResponse),
    resolutionMinutes: fromDuration(t.resolution),
    businessHours: t.businessHours,
  }));
  return {
    calendar: { timeZone: v.timeZone, workingHours, holidays: [...new Set(v.holidays)].sort(), extraWorkdays: [...new Set(v.extraWorkdays)].sort() },
    targets,
    autoCloseDays: v.autoCloseDays,
  };
}

export type IntervalProblem = 'order' | 'overlap';

/** Problems of one day's intervals: an end not after its start, or two intervals overlapping. Index = interval. */
export function intervalProblems(intervals: IntervalValues[]): (IntervalProblem | null)[] {
  const minutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return h * 60 + m;
  };
  return intervals.map((w, i) => {
    if (!w.start || !w.end || minutes(w.end) <= minutes(w.start)) return 'order';
    const overlaps = intervals.some((o, j) => j !== i && o.start && o.end && minutes(w.start) < minutes(o.end) && minutes(o.start) < minutes(w.end));
    return overlaps ? 'overlap' : null;
  });
}

/** Time zones offered: the browser's list when it has one, with the policy's own zone always present. */
export function timeZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'UTC'];
  return all.includes(current) || !current ? all : [current, ...all];
}
