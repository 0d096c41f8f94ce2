import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { BooleanField, NestedField, NumberField, ResponseField, StringArrayField, StringField } from '../common/fields.decorator';
import { MaxDecimals, RevenueLimits } from './money.decorator';

export const CUSTOMER_GRADES = ['A', 'B', 'C', 'D'] as const;

/**
 * One condition of a grading rule (all of a rule's conditions must hold):
 * - `revenue`: Σ total of the customer's paid/shipped/delivered orders paid in the last `months` months ≥ `min`;
 * - `orderCount`: number of such orders in the last `months` months ≥ `min`;
 * - `openPipeline`: Σ amount of its open opportunities ≥ `min`;
 * - `industry`: its industry is one of `values`;
 * - `customField`: custom field `key` equals `value` (as text).
 * Amounts are summed as stored, whatever their currency.
 */
export class GradingConditionDto {
  @ApiProperty({ enum: ['revenue', 'orderCount', 'openPipeline', 'industry', 'customField'] })
  @IsIn(['revenue', 'orderCount', 'openPipeline', 'industry', 'customField'])
  type: 'revenue' | 'orderCount' | 'openPipeline' | 'industry' | 'customField';
  /** revenue, orderCount. */
  @NumberField({ optional: true, int: true, min: 1, max: 120 }) months?: number;
  /** revenue, orderCount, openPipeline. */
  @NumberField({ optional: true, min: 0, max: RevenueLimits.moneyMax }) @MaxDecimals(2) min?: number;
  /** industry. */
  @StringArrayField({ optional: true, maxSize: 50, itemMaxLength: 100 }) values?: string[];
  /** customField. */
  @StringField({ optional: true, maxLength: 64, minLength: 1 }) key?: string;
  @StringField({ optional: true, maxLength: 200 }) value?: string;
}

export class GradingRuleInputDto {
  @StringField({ maxLength: 100, minLength: 1, example: '年营收百万' }) name: string;
  @ApiProperty({ enum: CUSTOMER_GRADES }) @IsIn(CUSTOMER_GRADES as unknown as string[]) grade: string;
  @NestedField(() => GradingConditionDto, { each: true, minSize: 1, maxSize: 10 }) conditions: GradingConditionDto[];
  @BooleanField({ optional: true }) active?: boolean;
}

export class GradingRuleDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ type: 'integer' }) position: number;
  @ResponseField() name: string;
  @ResponseField({ enum: CUSTOMER_GRADES }) grade: string;
  @ResponseField({ type: [GradingConditionDto] }) conditions: GradingConditionDto[];
  @ResponseField() active: boolean;
}

export class GradeLabelsDto {
  @StringField({ maxLength: 20, minLength: 1, example: '重点客户' }) A: string;
  @StringField({ maxLength: 20, minLength: 1 }) B: string;
  @StringField({ maxLength: 20, minLength: 1 }) C: string;
  @StringField({ maxLength: 20, minLength: 1 }) D: string;
}

/** The whole rule set: ordered rules (first match wins), grade labels and the default grade. */
export class GradingRuleSetDto {
  @ResponseField({ type: [GradingRuleDto] }) rules: GradingRuleDto[];
  @ResponseField({ type: GradeLabelsDto }) labels: GradeLabelsDto;
  /** Given when no rule matches; null leaves such customers' grade as it is. */
  @ResponseField({ type: String, nullable: true, enum: CUSTOMER_GRADES }) defaultGrade: string | null;
  @ResponseField() version: number;
}

/** Replaces the rule set (If-Match on its version). */
export class UpdateGradingRuleSetDto {
  @IsArray() @ValidateNested({ each: true }) @Type(() => GradingRuleInputDto) @ApiProperty({ type: [GradingRuleInputDto], maxItems: 50 }) rules: GradingRuleInputDto[];
  @NestedField(() => GradeLabelsDto) labels: GradeLabelsDto;
  @ApiProperty({ type: String, nullable: true, enum: CUSTOMER_GRADES, required: false }) @IsOptional() @IsString() @IsIn(CUSTOMER_GRADES as unknown as string[]) defaultGrade?: string | null;
}

export class GradingRecomputeResultDto {
  @ResponseField({ type: 'integer', description: 'Customers whose grade changed.' }) changed: number;
}

/** A manual grade: locks it against the grading job. grade null removes the override (the job grades it again). */
export class OverrideCustomerGradeDto {
  @ApiProperty({ type: String, nullable: true, enum: CUSTOMER_GRADES }) @IsOptional() @IsIn([...CUSTOMER_GRADES, null]) grade: string | null;
  @StringField({ maxLength: 500, minLength: 1, example: '集团战略客户' }) reason: string;
}

export class CustomerGradeDto {
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, nullable: true }) grade: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) gradeLockedAt: string | null;
  @ResponseField({ type: String, nullable: true }) gradeReason: string | null;
}
