import { Matches } from 'class-validator';
import { EnumField, NumberField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { Money, SalesContractLimits } from './sales-contract.dto';
import { TargetLevel, TargetMetric } from './sales-contract.enums';

/** `2026-11` (month) or `2026-Q4` (quarter). */
export const TARGET_PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

function PeriodField(optional = false): PropertyDecorator {
  return (target, key) => {
    StringField({ optional, maxLength: 7, example: '2026-11', description: 'A month YYYY-MM or a quarter YYYY-Qn.' })(target, key);
    Matches(TARGET_PERIOD_PATTERN, { message: '$property must be a month YYYY-MM or a quarter YYYY-Qn' })(target, key);
  };
}

export class TargetDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '2026-11' }) period: string;
  @ResponseField({ enum: TargetLevel, enumName: 'TargetLevel' }) level: TargetLevel;
  /** The department or user; null for the company. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) subjectId: string | null;
  @ResponseField({ enum: TargetMetric, enumName: 'TargetMetric' }) metric: TargetMetric;
  /** Money for the amounts, a count for new_customers. */
  @ResponseField({ type: 'number' }) value: number;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField() version: number;
}

export class CreateTargetDto {
  @PeriodField() period: string;
  @EnumField(TargetLevel, 'TargetLevel') level: TargetLevel;
  /** Required for department and user targets; omitted for company. */
  @UuidField({ optional: true }) subjectId?: string;
  @EnumField(TargetMetric, 'TargetMetric') metric: TargetMetric;
  /** new_customers: a whole number. */
  @NumberField({ min: 0, max: SalesContractLimits.amountMax, example: 500000 }) @Money() value: number;
}

export class UpdateTargetDto {
  @NumberField({ min: 0, max: SalesContractLimits.amountMax }) @Money() value: number;
}

export class ListTargetsQuery extends PageQueryDto {
  @PeriodField(true) period?: string;
  @EnumField(TargetLevel, 'TargetLevel', { optional: true }) level?: TargetLevel;
  @EnumField(TargetMetric, 'TargetMetric', { optional: true }) metric?: TargetMetric;
  @UuidField({ optional: true }) subjectId?: string;
}

export class TargetProgressQuery {
  @PeriodField() period: string;
  @EnumField(TargetLevel, 'TargetLevel', { optional: true }) level?: TargetLevel;
  @EnumField(TargetMetric, 'TargetMetric', { optional: true }) metric?: TargetMetric;
}

export class TargetProgressDto {
  @ResponseField({ format: 'uuid' }) targetId: string;
  @ResponseField() period: string;
  @ResponseField({ enum: TargetLevel, enumName: 'TargetLevel' }) level: TargetLevel;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) subjectId: string | null;
  /** The department's or user's name; null for the company. */
  @ResponseField({ type: String, nullable: true }) subjectName: string | null;
  @ResponseField({ enum: TargetMetric, enumName: 'TargetMetric' }) metric: TargetMetric;
  @ResponseField({ type: 'number' }) target: number;
  @ResponseField({ type: 'number' }) actual: number;
  /** actual / target × 100, one decimal; null when the target is 0. */
  @ResponseField({ type: 'number', nullable: true }) percent: number | null;
}

export class TargetProgressListDto {
  @ResponseField({ example: '2026-11' }) period: string;
  /** First day of the period. */
  @ResponseField({ format: 'date' }) from: string;
  /** Last day of the period. */
  @ResponseField({ format: 'date' }) to: string;
  @ResponseField({ type: [TargetProgressDto] }) data: TargetProgressDto[];
}
