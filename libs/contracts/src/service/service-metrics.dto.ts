import { DateField, ResponseField, UuidField } from '../common/fields.decorator';
import { CaseType } from './case.enums';

/** Service is judged by problems solved, not calls handled (seed 002): these are the figures. */
export class ServiceMetricsQuery {
  /** First day (by the SLA calendar's zone), default 30 days ago. */
  @DateField({ optional: true }) from?: string;
  /** Last day, inclusive, default today. */
  @DateField({ optional: true }) to?: string;
  /** Only cases of this agent. */
  @UuidField({ optional: true }) ownerId?: string;
}

export class ServiceFiguresDto {
  /** Cases raised in the period. */
  @ResponseField({ type: 'integer' }) opened: number;
  /** Cases resolved in the period (their last resolution). */
  @ResponseField({ type: 'integer' }) resolved: number;
  /** Share of the resolved that were solved with at most one reply and never reopened; null without resolved cases. */
  @ResponseField({ type: 'number', nullable: true }) firstContactResolutionRate: number | null;
  /** Share of the resolved that were reopened at least once. */
  @ResponseField({ type: 'number', nullable: true }) reopenRate: number | null;
  /** Share of the cases with a response clock whose first reply came in time. */
  @ResponseField({ type: 'number', nullable: true }) responseSlaMetRate: number | null;
  /** Share of the resolved with a resolution clock that were resolved in time. */
  @ResponseField({ type: 'number', nullable: true }) resolutionSlaMetRate: number | null;
  /** Average satisfaction 1–5 of the resolved that were rated. */
  @ResponseField({ type: 'number', nullable: true }) satisfactionAverage: number | null;
  @ResponseField({ type: 'integer' }) satisfactionCount: number;
  /** Median hours from raised to resolved (wall clock). */
  @ResponseField({ type: 'number', nullable: true }) medianResolutionHours: number | null;
}

export class ServiceAgentFiguresDto extends ServiceFiguresDto {
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ type: String, nullable: true }) ownerName: string | null;
}

export class ServiceDayDto {
  @ResponseField({ format: 'date' }) day: string;
  @ResponseField({ type: 'integer' }) opened: number;
  @ResponseField({ type: 'integer' }) resolved: number;
}

export class ServiceTypeCountDto {
  @ResponseField({ enum: CaseType, enumName: 'CaseType' }) type: CaseType;
  @ResponseField({ type: 'integer' }) opened: number;
}

export class ServiceMetricsDto {
  @ResponseField({ format: 'date' }) from: string;
  @ResponseField({ format: 'date' }) to: string;
  @ResponseField({ type: ServiceFiguresDto }) totals: ServiceFiguresDto;
  /** Cases not yet resolved now, and how many of them have a breached clock. */
  @ResponseField({ type: 'integer' }) backlog: number;
  @ResponseField({ type: 'integer' }) backlogBreached: number;
  @ResponseField({ type: [ServiceAgentFiguresDto] }) byAgent: ServiceAgentFiguresDto[];
  @ResponseField({ type: [ServiceDayDto] }) byDay: ServiceDayDto[];
  @ResponseField({ type: [ServiceTypeCountDto] }) byType: ServiceTypeCountDto[];
}
