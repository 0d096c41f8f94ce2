import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsEnum, IsIn, IsInt, IsNumber, IsString, Matches, Max, MaxLength, Min, registerDecorator, ValidateIf, type ValidationArguments } from 'class-validator';
import { NestedField, ResponseField, StringField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { ContactChannel } from '../customers/contact.enums';
import {
  RFM_SEGMENTS,
  SEGMENT_FIELD_NAMES,
  SEGMENT_FIELDS,
  SEGMENT_MATCHES,
  SEGMENT_OPERANDS,
  SEGMENT_OPERATORS,
  SEGMENT_TARGET_TYPES,
  SegmentLimits,
  type SegmentField,
  type SegmentFieldRule,
  type SegmentMatch,
  type SegmentOperand,
  type SegmentOperator,
  type SegmentTargetType,
} from './segment-fields';

export * from './segment-fields';

const ruleOf = (field: unknown): SegmentFieldRule | undefined => (SEGMENT_FIELDS as Record<string, SegmentFieldRule>)[field as string];
const operandOf = (o: { op?: unknown }): SegmentOperand | undefined => SEGMENT_OPERANDS[o.op as SegmentOperator];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The operator must be one the condition's field offers (province takes in/notIn, not gte). */
function IsOperatorOfField(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'operatorOfField',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (op: unknown, args: ValidationArguments) => {
          const rule = ruleOf((args.object as SegmentConditionDto).field);
          return !rule || rule.ops.includes(op as SegmentOperator);
        },
        defaultMessage: (args: ValidationArguments) => `op must be one of ${ruleOf((args.object as SegmentConditionDto).field)?.ops.join(', ')} for ${(args.object as SegmentConditionDto).field}`,
      },
    });
}

/** List values must come from the field's closed set (grades, RFM segments…) or be uuids (owners). */
function IsValueOfField(): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'valueOfField',
      target: target.constructor,
      propertyName: key as string,
      validator: {
        validate: (values: unknown, args: ValidationArguments) => {
          const allowed = ruleOf((args.object as SegmentConditionDto).field)?.values;
          if (!allowed || !Array.isArray(values)) return true;
          return values.every((v) => (allowed === 'uuid' ? typeof v === 'string' && UUID.test(v) : allowed.includes(v)));
        },
        defaultMessage: (args: ValidationArguments) => {
          const allowed = ruleOf((args.object as SegmentConditionDto).field)?.values;
          return allowed === 'uuid' ? 'each value in values must be a uuid' : `each value in values must be one of ${(allowed ?? []).join(', ')}`;
        },
      },
    });
}

/**
 * One condition of a segment: `field` `op` operand. The operand sits in the property the
 * operator names (SEGMENT_OPERANDS): values for in/notIn/hasAny, date for before/after,
 * days for withinDays/notWithinDays, amount for gte/lte, flag for is, channel for consents.
 */
export class SegmentConditionDto {
  @ApiProperty({ enum: SEGMENT_FIELD_NAMES, enumName: 'SegmentField', example: 'province' })
  @IsIn(SEGMENT_FIELD_NAMES)
  field: SegmentField;

  @ApiProperty({ enum: SEGMENT_OPERATORS, enumName: 'SegmentOperator', example: 'in' })
  @IsIn(SEGMENT_OPERATORS)
  @IsOperatorOfField()
  op: SegmentOperator;

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: SegmentLimits.valuesMax, description: 'in, notIn, hasAny: at least one value.', example: ['广东', '浙江'] })
  @ValidateIf((o) => operandOf(o) === 'values')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SegmentLimits.valuesMax)
  @IsString({ each: true })
  @MaxLength(SegmentLimits.valueMaxLength, { each: true })
  @IsValueOfField()
  values?: string[];

  @ApiPropertyOptional({ type: String, format: 'date', description: 'before, after: a calendar day (YYYY-MM-DD, Asia/Shanghai); after means from the next day on.' })
  @ValidateIf((o) => operandOf(o) === 'date')
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  date?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: SegmentLimits.daysMax, description: 'withinDays, notWithinDays.' })
  @ValidateIf((o) => operandOf(o) === 'days')
  @IsInt()
  @Min(1)
  @Max(SegmentLimits.daysMax)
  days?: number;

  @ApiPropertyOptional({ type: 'number', minimum: 0, maximum: SegmentLimits.amountMax, description: 'gte, lte: an amount in the company currency.' })
  @ValidateIf((o) => operandOf(o) === 'amount')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(SegmentLimits.amountMax)
  amount?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'is: true = has one, false = has none.' })
  @ValidateIf((o) => operandOf(o) === 'flag')
  @IsBoolean()
  flag?: boolean;

  @ApiPropertyOptional({ enum: ContactChannel, enumName: 'ContactChannel', description: 'optedIn, optedOut, notOptedOut: the consent channel.' })
  @ValidateIf((o) => operandOf(o) === 'channel')
  @IsEnum(ContactChannel)
  channel?: ContactChannel;
}

/** The conditions and how they combine: all must hold, or any one. No conditions: everyone in your scope. */
export class SegmentRulesDto {
  @ApiProperty({ enum: SEGMENT_MATCHES, enumName: 'SegmentMatch' })
  @IsIn(SEGMENT_MATCHES)
  match: SegmentMatch;

  @NestedField(() => SegmentConditionDto, { each: true, maxSize: SegmentLimits.conditionsMax })
  conditions: SegmentConditionDto[];
}

export class CreateSegmentDto {
  @StringField({ maxLength: SegmentLimits.nameMaxLength, minLength: 1, example: '华南邮件订阅联系人' }) name: string;
  @StringField({ optional: true, nullable: true, maxLength: SegmentLimits.descriptionMaxLength }) description?: string | null;
  @ApiProperty({ enum: SEGMENT_TARGET_TYPES, enumName: 'SegmentTargetType' }) @IsIn(SEGMENT_TARGET_TYPES) targetType: SegmentTargetType;
  @NestedField(() => SegmentRulesDto) rules: SegmentRulesDto;
}

/** Any subset; If-Match required. Changing targetType re-checks the rules against it. */
export class UpdateSegmentDto {
  @StringField({ optional: true, maxLength: SegmentLimits.nameMaxLength, minLength: 1 }) name?: string;
  @StringField({ optional: true, nullable: true, maxLength: SegmentLimits.descriptionMaxLength }) description?: string | null;
  @ApiPropertyOptional({ enum: SEGMENT_TARGET_TYPES, enumName: 'SegmentTargetType' }) @ValidateIf((o) => o.targetType !== undefined) @IsIn(SEGMENT_TARGET_TYPES) targetType?: SegmentTargetType;
  @NestedField(() => SegmentRulesDto, { optional: true }) rules?: SegmentRulesDto;
}

/** Unsaved rules, counted as the editor changes them. */
export class PreviewSegmentDto {
  @ApiProperty({ enum: SEGMENT_TARGET_TYPES, enumName: 'SegmentTargetType' }) @IsIn(SEGMENT_TARGET_TYPES) targetType: SegmentTargetType;
  @NestedField(() => SegmentRulesDto) rules: SegmentRulesDto;
}

export class SegmentDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  @ResponseField({ type: String, nullable: true }) description: string | null;
  @ResponseField({ enum: SEGMENT_TARGET_TYPES, enumName: 'SegmentTargetType' }) targetType: SegmentTargetType;
  @ResponseField({ type: SegmentRulesDto }) rules: SegmentRulesDto;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: 'integer' }) version: number;
}

export class SegmentCountDto {
  @ResponseField({ type: 'integer', description: 'Members you may see (your marketing.segment.read scope).' }) count: number;
}

/** A member as a marketer needs it: who, at which customer, where, grade, owner, how to reach, value. */
export class SegmentMemberDto {
  @ResponseField({ format: 'uuid', description: 'The contact id (contact segments) or the customer id.' }) id: string;
  @ResponseField({ enum: SEGMENT_TARGET_TYPES, enumName: 'SegmentTargetType' }) kind: SegmentTargetType;
  @ResponseField({ description: 'Contact name, or customer name.' }) name: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField() customerName: string;
  @ResponseField({ type: String, nullable: true }) province: string | null;
  @ResponseField({ type: String, nullable: true }) city: string | null;
  @ResponseField({ type: String, nullable: true }) grade: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  @ResponseField({ type: String, nullable: true }) ownerName: string | null;
  @ResponseField({ type: String, nullable: true, description: "The contact's first e-mail, or the customer's." }) email: string | null;
  @ResponseField({ type: String, nullable: true, description: "The contact's first phone, or the customer's." }) phone: string | null;
  @ResponseField({ enum: RFM_SEGMENTS, enumName: 'RfmSegment' }) rfmSegment: string;
}

export class ListSegmentsQuery extends PageQueryDto {
  /** Part of the name. */
  @StringField({ optional: true, maxLength: SegmentLimits.nameMaxLength }) q?: string;
  @ApiPropertyOptional({ enum: SEGMENT_TARGET_TYPES, enumName: 'SegmentTargetType' }) @ValidateIf((o) => o.targetType !== undefined) @IsIn(SEGMENT_TARGET_TYPES) targetType?: SegmentTargetType;
  /** name, createdAt, updatedAt; prefix - for descending. Default -updatedAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

export class ListSegmentMembersQuery extends PageQueryDto {
  /** name, createdAt; prefix - for descending. Default name. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}
