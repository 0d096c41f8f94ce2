import { BooleanField, DateArrayField, EnumField, NestedField, NumberField, ResponseField, StringField } from '../common/fields.decorator';
import { CasePriority } from './case.enums';

export const SlaLimits = {
  /** 365 days in minutes. */
  targetMaxMinutes: 525_600,
  intervalsMax: 14,
  datesMax: 120,
  autoCloseDaysMax: 90,
} as const;

/** A working interval of one ISO weekday (1 = Monday … 7 = Sunday), local time of the calendar. */
export class WorkingIntervalDto {
  @NumberField({ int: true, min: 1, max: 7, example: 1 }) weekday: number;
  /** HH:mm. */
  @StringField({ maxLength: 5, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, example: '09:00' }) start: string;
  /** HH:mm after start; 24:00 for the end of the day. */
  @StringField({ maxLength: 5, pattern: /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, example: '18:00' }) end: string;
}

/** The business calendar SLA clocks count in: its own time zone, weekly hours, public holidays and the weekend days worked instead (调休). */
export class BusinessCalendarDto {
  /** IANA time zone. */
  @StringField({ maxLength: 60, example: 'Asia/Shanghai' }) timeZone: string;
  @NestedField(() => WorkingIntervalDto, { each: true, maxSize: SlaLimits.intervalsMax }) workingHours: WorkingIntervalDto[];
  /** Days off (法定节假日). */
  @DateArrayField({ maxSize: SlaLimits.datesMax, example: ['2026-10-01'] }) holidays: string[];
  /** Weekend days worked (调休上班), with Monday's hours. */
  @DateArrayField({ maxSize: SlaLimits.datesMax, example: ['2026-09-27'] }) extraWorkdays: string[];
}

/** Targets of one priority, in minutes; null = no target. */
export class SlaTargetDto {
  @EnumField(CasePriority, 'CasePriority') priority: CasePriority;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: SlaLimits.targetMaxMinutes, example: 60 }) firstResponseMinutes: number | null;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: SlaLimits.targetMaxMinutes, example: 480 }) resolutionMinutes: number | null;
  /** true: counted in the calendar's working hours; false: around the clock (7 × 24). */
  @BooleanField() businessHours: boolean;
}

export class SlaPolicyDto {
  @ResponseField({ type: BusinessCalendarDto }) calendar: BusinessCalendarDto;
  @ResponseField({ type: [SlaTargetDto] }) targets: SlaTargetDto[];
  /** Resolved cases close by themselves after this many days (0 = never). */
  @ResponseField({ type: 'integer' }) autoCloseDays: number;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

/** Needs If-Match. Applies to cases raised afterwards and to priority changes; running clocks keep their due times. */
export class UpdateSlaPolicyDto {
  @NestedField(() => BusinessCalendarDto, { optional: true }) calendar?: BusinessCalendarDto;
  /** One per priority (all four). */
  @NestedField(() => SlaTargetDto, { optional: true, each: true, maxSize: 4, minSize: 4 }) targets?: SlaTargetDto[];
  @NumberField({ optional: true, int: true, min: 0, max: SlaLimits.autoCloseDaysMax }) autoCloseDays?: number;
}


/** What one run of the SLA clock job did. */
export class SlaRunResultDto {
  /** Cases whose first-response clock ran out in this run. */
  @ResponseField({ type: 'integer' }) responseBreached: number;
  @ResponseField({ type: 'integer' }) resolutionBreached: number;
  /** Resolved cases closed after the policy's auto-close days. */
  @ResponseField({ type: 'integer' }) closed: number;
}
