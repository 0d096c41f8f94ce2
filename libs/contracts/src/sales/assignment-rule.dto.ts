import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BooleanField, EnumField, NumberField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { CustomerSource } from '../customers/customer.enums';
import { AssignmentStrategy, AssignmentTargetType } from './lead.enums';

export const AssignmentRuleLimits = {
  nameMaxLength: 100,
  /** Values per condition list. */
  valuesMax: 50,
  valueMaxLength: 100,
  maxOpenLeadsMax: 100_000,
  rulesMax: 500,
} as const;

function ConditionList(options: { uuid?: boolean; example?: unknown[] } = {}): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(AssignmentRuleLimits.valuesMax)(target, key);
    if (options.uuid) IsUUID('all', { each: true })(target, key);
    else {
      IsString({ each: true })(target, key);
      MaxLength(AssignmentRuleLimits.valueMaxLength, { each: true })(target, key);
    }
    ApiPropertyOptional({ type: [String], format: options.uuid ? 'uuid' : undefined, maxItems: AssignmentRuleLimits.valuesMax, example: options.example, description: 'Empty or missing = any.' })(target, key);
  };
}

function SourceList(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(AssignmentRuleLimits.valuesMax)(target, key);
    IsEnum(CustomerSource, { each: true })(target, key);
    ApiPropertyOptional({ enum: CustomerSource, enumName: 'CustomerSource', isArray: true, description: 'Empty or missing = any.' })(target, key);
  };
}

/**
 * One rule of the ordered list: a lead matches when every condition that is set holds
 * (each list: the lead's value is one of them). The first matching rule decides; when all
 * its users are at the cap, the lead waits in the queue.
 */
export class AssignmentRuleDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '华东区官网线索' }) name: string;
  /** 1-based place in the list; lower runs first. */
  @ResponseField() position: number;
  @ResponseField() active: boolean;
  @ResponseField({ type: [String] }) provinces: string[];
  @ResponseField({ type: [String] }) cities: string[];
  @ResponseField({ type: [String] }) industries: string[];
  @ResponseField({ enum: CustomerSource, enumName: 'CustomerSource', isArray: true }) sources: CustomerSource[];
  @ResponseField({ type: [String], format: 'uuid' }) campaignIds: string[];
  @ResponseField({ enum: AssignmentTargetType, enumName: 'AssignmentTargetType' }) targetType: AssignmentTargetType;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) targetUserId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) targetTeamId: string | null;
  /** Team targets only. */
  @ResponseField({ enum: AssignmentStrategy, enumName: 'AssignmentStrategy', nullable: true }) strategy: AssignmentStrategy | null;
  /** Users with this many open leads (new, contacted, qualified) are skipped; null = no cap. */
  @ResponseField({ type: 'integer', nullable: true }) maxOpenLeads: number | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateAssignmentRuleDto {
  @StringField({ maxLength: AssignmentRuleLimits.nameMaxLength, minLength: 1 }) name: string;
  /** Default true. */
  @BooleanField({ optional: true }) active?: boolean;
  @ConditionList({ example: ['上海市', '江苏省'] }) provinces?: string[];
  @ConditionList() cities?: string[];
  @ConditionList() industries?: string[];
  @SourceList() sources?: CustomerSource[];
  @ConditionList({ uuid: true }) campaignIds?: string[];
  @EnumField(AssignmentTargetType, 'AssignmentTargetType') targetType: AssignmentTargetType;
  /** Required for targetType user. */
  @UuidField({ optional: true }) targetUserId?: string;
  /** Required for targetType team. */
  @UuidField({ optional: true }) targetTeamId?: string;
  /** Required for targetType team. */
  @EnumField(AssignmentStrategy, 'AssignmentStrategy', { optional: true }) strategy?: AssignmentStrategy;
  @NumberField({ optional: true, int: true, min: 1, max: AssignmentRuleLimits.maxOpenLeadsMax }) maxOpenLeads?: number;
}

/** Needs If-Match. The target must stay consistent (user ↔ targetUserId, team ↔ targetTeamId + strategy). */
export class UpdateAssignmentRuleDto {
  @StringField({ optional: true, maxLength: AssignmentRuleLimits.nameMaxLength, minLength: 1 }) name?: string;
  @BooleanField({ optional: true }) active?: boolean;
  @ConditionList() provinces?: string[];
  @ConditionList() cities?: string[];
  @ConditionList() industries?: string[];
  @SourceList() sources?: CustomerSource[];
  @ConditionList({ uuid: true }) campaignIds?: string[];
  @EnumField(AssignmentTargetType, 'AssignmentTargetType', { optional: true }) targetType?: AssignmentTargetType;
  @UuidField({ optional: true, nullable: true }) targetUserId?: string | null;
  @UuidField({ optional: true, nullable: true }) targetTeamId?: string | null;
  @EnumField(AssignmentStrategy, 'AssignmentStrategy', { optional: true, nullable: true }) strategy?: AssignmentStrategy | null;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: AssignmentRuleLimits.maxOpenLeadsMax }) maxOpenLeads?: number | null;
}

export class ReorderAssignmentRulesDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(AssignmentRuleLimits.rulesMax) @IsUUID('all', { each: true })
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: AssignmentRuleLimits.rulesMax, description: 'Every rule id, in the new order.' })
  ids: string[];
}
