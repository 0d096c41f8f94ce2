import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Limits } from '../common/limits.constant';
import { DateField, DateTimeField, EmailField, EnumField, NumberField, QueryBooleanField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { CustomerGrade, CustomerKind, CustomerSource, LifecycleStage } from './customer.enums';

const TAGS_MAX = 20;

function TagsField(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(TAGS_MAX)(target, key);
    IsString({ each: true })(target, key);
    MaxLength(30, { each: true })(target, key);
    ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX, example: ['重点', 'VIP'] })(target, key);
  };
}

/** The `customFields` object: keys defined by admins under /api/v1/custom-fields, values typed by the definition. */
function CustomFieldsField(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsObject()(target, key);
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }], nullable: true },
      description: 'Custom field values by key (see GET /api/v1/custom-fields). text/date/single_select: string; number/money: number; boolean; multi_select: string[]. null clears a value on update.',
      example: { erp_level: 'VIP', annual_budget: 120000 },
    })(target, key);
  };
}

export class CustomerDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ enum: CustomerKind, enumName: 'CustomerKind' }) kind: CustomerKind;
  @ResponseField({ example: '北京字节跳动科技有限公司' }) name: string;
  @ResponseField({ type: String, nullable: true }) shortName: string | null;
  @ResponseField({ type: String, nullable: true }) industry: string | null;
  @ResponseField({ type: String, nullable: true, example: 'CN' }) country: string | null;
  @ResponseField({ type: String, nullable: true, example: '北京市' }) province: string | null;
  @ResponseField({ type: String, nullable: true, example: '海淀区' }) city: string | null;
  @ResponseField({ type: String, nullable: true }) address: string | null;
  @ResponseField({ type: String, nullable: true }) website: string | null;
  /** E.164, normalised on write. */
  @ResponseField({ type: String, nullable: true, example: '+8613812345678' }) phone: string | null;
  @ResponseField({ type: String, nullable: true, format: 'email' }) email: string | null;
  @ResponseField({ enum: CustomerSource, enumName: 'CustomerSource' }) source: CustomerSource;
  @ResponseField({ enum: LifecycleStage, enumName: 'LifecycleStage' }) lifecycleStage: LifecycleStage;
  @ResponseField({ enum: CustomerGrade, enumName: 'CustomerGrade', nullable: true }) grade: CustomerGrade | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true, description: 'Set while the grade is a manual override (the grading job leaves it alone).' }) gradeLockedAt: string | null;
  @ResponseField({ type: String, nullable: true, description: 'Why the grade was set by hand.' }) gradeReason: string | null;
  @ResponseField({ type: [String] }) tags: string[];
  @ResponseField({ type: String, format: 'uuid', nullable: true, description: 'null = in the public pool.' }) ownerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true, description: 'The rep who first brought the customer in (developer credit, kept across pool moves).' }) developerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true, description: 'Public pool the customer returns to / waits in.' }) poolId: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true, description: 'When the current owner got the customer.' }) claimedAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true, description: 'Set while the customer is locked (never returns to the pool).' }) lockedAt: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) referredByCustomerId: string | null;
  @ResponseField({ type: String, nullable: true }) externalId: string | null;
  @ResponseField({ type: String, nullable: true }) externalSource: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lastFollowUpAt: string | null;
  @ResponseField({ type: String, format: 'date', nullable: true }) nextFollowUpOn: string | null;
  @ResponseField({ type: 'object', additionalProperties: true, description: 'Custom field values by key.' }) customFields: Record<string, unknown>;
  /** 0–100, weighted share of the fields a good record has. */
  @ResponseField() completeness: number;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateCustomerDto {
  @EnumField(CustomerKind, 'CustomerKind', { optional: true, description: 'Default company.' }) kind?: CustomerKind;
  @StringField({ maxLength: Limits.nameMaxLength, minLength: 1 }) name: string;
  @StringField({ optional: true, maxLength: 100 }) shortName?: string;
  @StringField({ optional: true, maxLength: 100 }) industry?: string;
  @StringField({ optional: true, maxLength: 2, minLength: 2 }) country?: string;
  @StringField({ optional: true, maxLength: 50 }) province?: string;
  @StringField({ optional: true, maxLength: 50 }) city?: string;
  @StringField({ optional: true, maxLength: 300 }) address?: string;
  @StringField({ optional: true, maxLength: 300 }) website?: string;
  @StringField({ optional: true, maxLength: 40, description: 'Any common format; stored as E.164 (default region from DEFAULT_PHONE_REGION).' }) phone?: string;
  @EmailField({ optional: true }) email?: string;
  @EnumField(CustomerSource, 'CustomerSource', { optional: true }) source?: CustomerSource;
  @EnumField(LifecycleStage, 'LifecycleStage', { optional: true }) lifecycleStage?: LifecycleStage;
  @EnumField(CustomerGrade, 'CustomerGrade', { optional: true }) grade?: CustomerGrade;
  @TagsField() tags?: string[];
  /** Default: the caller. Assigning to someone else needs sales.customer.assign. */
  @UuidField({ optional: true }) ownerId?: string;
  @UuidField({ optional: true }) referredByCustomerId?: string;
  @StringField({ optional: true, maxLength: 100 }) externalId?: string;
  @StringField({ optional: true, maxLength: 40, example: 'erp' }) externalSource?: string;
  @DateField({ optional: true }) nextFollowUpOn?: string;
  @CustomFieldsField() customFields?: Record<string, unknown>;
}

export class UpdateCustomerDto {
  @EnumField(CustomerKind, 'CustomerKind', { optional: true }) kind?: CustomerKind;
  @StringField({ optional: true, maxLength: Limits.nameMaxLength, minLength: 1 }) name?: string;
  @StringField({ optional: true, nullable: true, maxLength: 100 }) shortName?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 100 }) industry?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 2, minLength: 2 }) country?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 50 }) province?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 50 }) city?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 300 }) address?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 300 }) website?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 40 }) phone?: string | null;
  @EmailField({ optional: true, nullable: true }) email?: string | null;
  @EnumField(CustomerSource, 'CustomerSource', { optional: true }) source?: CustomerSource;
  @EnumField(LifecycleStage, 'LifecycleStage', { optional: true }) lifecycleStage?: LifecycleStage;
  @EnumField(CustomerGrade, 'CustomerGrade', { optional: true, nullable: true }) grade?: CustomerGrade | null;
  @TagsField() tags?: string[];
  @UuidField({ optional: true, nullable: true }) referredByCustomerId?: string | null;
  @DateField({ optional: true, nullable: true }) nextFollowUpOn?: string | null;
  /** Only the keys sent change; null removes a value. */
  @CustomFieldsField() customFields?: Record<string, unknown>;
}

export class ListCustomersQuery extends PageQueryDto {
  /** Name, short name, phone or e-mail contains (Chinese substrings work). */
  @StringField({ optional: true, maxLength: 100 }) q?: string;
  @UuidField({ optional: true }) ownerId?: string;
  /** Customers of this department and its sub-departments. */
  @UuidField({ optional: true }) departmentId?: string;
  @EnumField(LifecycleStage, 'LifecycleStage', { optional: true }) lifecycleStage?: LifecycleStage;
  @EnumField(CustomerGrade, 'CustomerGrade', { optional: true }) grade?: CustomerGrade;
  @StringField({ optional: true, maxLength: 100 }) industry?: string;
  @StringField({ optional: true, maxLength: 50 }) province?: string;
  @StringField({ optional: true, maxLength: 50 }) city?: string;
  @StringField({ optional: true, maxLength: 30 }) tag?: string;
  @EnumField(CustomerSource, 'CustomerSource', { optional: true }) source?: CustomerSource;
  @DateTimeField({ optional: true }) createdFrom?: string;
  @DateTimeField({ optional: true }) createdTo?: string;
  /** Customers without a follow-up for at least this many days (never followed up counts). */
  @NumberField({ optional: true, int: true, min: 1, max: 3650 }) noFollowUpDays?: number;
  /** The recycle bin: deleted customers (merged ones excluded) instead of live ones. Needs sales.customer.delete. */
  @QueryBooleanField() deleted?: boolean;
  /** Only customers in the public pool (no owner). */
  @QueryBooleanField() unowned?: boolean;
  /** Custom field filters `key:value`, up to 5 (repeat the parameter); all must match. */
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @IsOptional() @IsArray() @ArrayMaxSize(5) @IsString({ each: true }) @MaxLength(140, { each: true }) @Matches(/^[a-z][a-z0-9_]*:.+$/, { each: true, message: 'customField must look like key:value' })
  @ApiPropertyOptional({ type: [String], example: ['erp_level:VIP'] })
  customField?: string[];
  /** name, createdAt, updatedAt, lastFollowUpAt, or cf.<key> for a custom field; prefix - for descending. Default -createdAt. */
  @StringField({ optional: true, maxLength: 50 }) sort?: string;
}

/** Body of a duplicate warning (409 DUPLICATE_SUSPECTED): the likely same customers. */
export class DuplicateCandidateDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  @ResponseField({ type: String, nullable: true }) phone: string | null;
  @ResponseField({ type: String, nullable: true }) email: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  /** What matched: phone, email, nameKey (same company) or similarName. */
  @ResponseField({ type: [String] }) reasons: string[];
  /** 0–1 name similarity. */
  @ResponseField() score: number;
}

export class CreateCustomerQuery {
  /** Create even when a likely duplicate exists. */
  @QueryBooleanField() allowDuplicate?: boolean;
}

export class BulkUpdateCustomersDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true })
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 500, description: 'Customers in your scope.' })
  ids: string[];
  @UuidField({ optional: true, description: 'New owner (needs sales.customer.assign).' }) ownerId?: string;
  @EnumField(LifecycleStage, 'LifecycleStage', { optional: true }) lifecycleStage?: LifecycleStage;
  @TagsField() addTags?: string[];
  @TagsField() removeTags?: string[];
}

export class BulkResultDto {
  @ResponseField() updated: number;
}
