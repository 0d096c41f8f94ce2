import { IsObject, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { EmailField, EnumField, NestedField, NumberField, QueryBooleanField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { CustomerSource } from '../customers/customer.enums';
import { LeadDuplicateKind, LeadStatus } from './lead.enums';

/** Limits of a lead, shared by the API and the SPA. */
export const LeadLimits = {
  personNameMaxLength: 100,
  companyNameMaxLength: 200,
  titleMaxLength: 100,
  phoneMaxLength: 40,
  wechatIdMaxLength: 64,
  industryMaxLength: 100,
  regionMaxLength: 50,
  notesMaxLength: 2000,
  disqualifiedReasonMaxLength: 500,
  opportunityNameMaxLength: 200,
  amountMax: 1e13,
} as const;

/** The `customFields` object of a lead: keys defined under /api/v1/custom-fields with entityType `lead`. */
function LeadCustomFieldsField(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsObject()(target, key);
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }], nullable: true },
      description: 'Custom field values by key (entityType lead). null clears a value on update.',
    })(target, key);
  };
}

export class LeadDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '张伟' }) personName: string;
  @ResponseField({ type: String, nullable: true, example: '上海云图科技有限公司' }) companyName: string | null;
  @ResponseField({ type: String, nullable: true, example: '采购经理' }) title: string | null;
  /** E.164, normalised on write. */
  @ResponseField({ type: String, nullable: true, example: '+8613812345678' }) phone: string | null;
  @ResponseField({ type: String, nullable: true, format: 'email' }) email: string | null;
  @ResponseField({ type: String, nullable: true }) wechatId: string | null;
  @ResponseField({ type: String, nullable: true, example: 'CN' }) country: string | null;
  @ResponseField({ type: String, nullable: true, example: '上海市' }) province: string | null;
  @ResponseField({ type: String, nullable: true, example: '浦东新区' }) city: string | null;
  @ResponseField({ type: String, nullable: true }) industry: string | null;
  @ResponseField({ enum: CustomerSource, enumName: 'CustomerSource' }) source: CustomerSource;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) campaignId: string | null;
  @ResponseField({ enum: LeadStatus, enumName: 'LeadStatus' }) status: LeadStatus;
  @ResponseField({ type: String, nullable: true }) disqualifiedReason: string | null;
  @ResponseField({ type: String, nullable: true }) notes: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true, description: 'null = waiting in the unassigned queue.' }) ownerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true, description: "The owner's department; for queue leads the matching rule's target department, or null (visible to `all` scope only)." }) departmentId: string | null;
  /** The assignment rule that assigned (or queued) it, when one matched. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) assignmentRuleId: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) assignedAt: string | null;
  /** When the newest follow-up logged on the lead happened (a call, visit, meeting, e-mail or note). */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lastContactedAt: string | null;
  @ResponseField({ type: 'object', additionalProperties: true, description: 'Custom field values by key.' }) customFields: Record<string, unknown>;
  @ResponseField({ type: String, nullable: true }) externalId: string | null;
  @ResponseField({ type: String, nullable: true }) externalSource: string | null;
  /** Set by conversion. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) customerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) contactId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) opportunityId: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) convertedAt: string | null;
  /** The web form that captured it. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) webFormId: string | null;
  /** A web-form lead whose phone or e-mail an earlier live lead already had: that lead (flagged, not refused). */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) duplicateOfId: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField() version: number;
}

export class CreateLeadDto {
  @StringField({ maxLength: LeadLimits.personNameMaxLength, minLength: 1, example: '张伟' }) personName: string;
  @StringField({ optional: true, maxLength: LeadLimits.companyNameMaxLength }) companyName?: string;
  @StringField({ optional: true, maxLength: LeadLimits.titleMaxLength }) title?: string;
  @StringField({ optional: true, maxLength: LeadLimits.phoneMaxLength, description: 'Any common format; stored as E.164 (default region from DEFAULT_PHONE_REGION).' }) phone?: string;
  @EmailField({ optional: true }) email?: string;
  @StringField({ optional: true, maxLength: LeadLimits.wechatIdMaxLength }) wechatId?: string;
  @StringField({ optional: true, maxLength: 2, minLength: 2 }) country?: string;
  @StringField({ optional: true, maxLength: LeadLimits.regionMaxLength }) province?: string;
  @StringField({ optional: true, maxLength: LeadLimits.regionMaxLength }) city?: string;
  @StringField({ optional: true, maxLength: LeadLimits.industryMaxLength }) industry?: string;
  @EnumField(CustomerSource, 'CustomerSource', { optional: true, description: 'Default other.' }) source?: CustomerSource;
  @UuidField({ optional: true }) campaignId?: string;
  /** Default new; converted is set only by the convert action. */
  @EnumField(LeadStatus, 'LeadStatus', { optional: true }) status?: LeadStatus;
  /** Required when status is disqualified. */
  @StringField({ optional: true, maxLength: LeadLimits.disqualifiedReasonMaxLength }) disqualifiedReason?: string;
  @StringField({ optional: true, maxLength: LeadLimits.notesMaxLength }) notes?: string;
  /** Default: none, and the assignment rules pick the owner (or the lead waits in the queue). Someone else than you needs sales.lead.assign. */
  @UuidField({ optional: true }) ownerId?: string;
  @StringField({ optional: true, maxLength: 100 }) externalId?: string;
  @StringField({ optional: true, maxLength: 40, example: 'web_form' }) externalSource?: string;
  @LeadCustomFieldsField() customFields?: Record<string, unknown>;
}

/** The owner changes through assignLead; the status converted only through convertLead. */
export class UpdateLeadDto {
  @StringField({ optional: true, maxLength: LeadLimits.personNameMaxLength, minLength: 1 }) personName?: string;
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.companyNameMaxLength }) companyName?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.titleMaxLength }) title?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.phoneMaxLength }) phone?: string | null;
  @EmailField({ optional: true, nullable: true }) email?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.wechatIdMaxLength }) wechatId?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: 2, minLength: 2 }) country?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.regionMaxLength }) province?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.regionMaxLength }) city?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.industryMaxLength }) industry?: string | null;
  @EnumField(CustomerSource, 'CustomerSource', { optional: true }) source?: CustomerSource;
  @UuidField({ optional: true, nullable: true }) campaignId?: string | null;
  @EnumField(LeadStatus, 'LeadStatus', { optional: true }) status?: LeadStatus;
  /** Required while the status is disqualified; cleared when it is not. */
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.disqualifiedReasonMaxLength }) disqualifiedReason?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: LeadLimits.notesMaxLength }) notes?: string | null;
  /** Only the keys sent change; null removes a value. */
  @LeadCustomFieldsField() customFields?: Record<string, unknown>;
}

export class LeadWriteQuery {
  /** Save even when a lead, customer or contact with the same phone or e-mail exists. */
  @QueryBooleanField() allowDuplicate?: boolean;
}

export class ListLeadsQuery extends PageQueryDto {
  /** Person name or company name contains; also exact phone (any format) or e-mail. */
  @StringField({ optional: true, maxLength: 100 }) q?: string;
  @EnumField(LeadStatus, 'LeadStatus', { optional: true }) status?: LeadStatus;
  @UuidField({ optional: true }) ownerId?: string;
  /** Only the queue: open leads without an owner. */
  @QueryBooleanField() unassigned?: boolean;
  @EnumField(CustomerSource, 'CustomerSource', { optional: true }) source?: CustomerSource;
  @UuidField({ optional: true }) campaignId?: string;
  @StringField({ optional: true, maxLength: LeadLimits.regionMaxLength }) province?: string;
  /** Leads a web form captured. */
  @UuidField({ optional: true }) webFormId?: string;
  /** The recycle bin instead of live leads. Needs sales.lead.delete. */
  @QueryBooleanField() deleted?: boolean;
  /** createdAt, updatedAt, name (person name); prefix - for descending. Default -createdAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

/** Body of a lead duplicate warning (409 DUPLICATE_SUSPECTED): leads, customers and contacts with the same phone or e-mail. */
export class LeadDuplicateCandidateDto {
  @ResponseField({ enum: LeadDuplicateKind, enumName: 'LeadDuplicateKind' }) kind: LeadDuplicateKind;
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  /** The customer of a contact candidate (and the customer itself for a customer candidate). */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) customerId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  /** What matched: phone, email. */
  @ResponseField({ type: [String] }) reasons: string[];
  /** Withheld (null) outside your data scope. */
  @ResponseField({ type: String, nullable: true }) phone: string | null;
  /** Withheld (null) outside your data scope. */
  @ResponseField({ type: String, nullable: true }) email: string | null;
}

export class AssignLeadDto {
  /** An active user. */
  @UuidField() ownerId: string;
}

export class AssignQueueResultDto {
  /** Queue leads in your scope the rules were run for. */
  @ResponseField() examined: number;
  @ResponseField() assigned: number;
  /** Still in the queue (no rule matched, or every user of the matching rule is at the cap). */
  @ResponseField() unassigned: number;
}

export class ConvertLeadOpportunityDto {
  @StringField({ maxLength: LeadLimits.opportunityNameMaxLength, minLength: 1, example: '年度采购' }) name: string;
  @NumberField({ optional: true, min: 0, max: LeadLimits.amountMax }) amount?: number;
}

export class ConvertLeadDto {
  /** Link this existing customer (one you can see) instead of creating one from the lead. */
  @UuidField({ optional: true }) customerId?: string;
  /** Also open an opportunity for the customer. */
  @NestedField(() => ConvertLeadOpportunityDto, { optional: true }) createOpportunity?: ConvertLeadOpportunityDto;
}

export class ConvertLeadQuery {
  /** Create the customer even when a likely duplicate exists. */
  @QueryBooleanField() allowDuplicate?: boolean;
}

export class LeadConversionDto {
  @ResponseField({ type: () => LeadDto }) lead: LeadDto;
  @ResponseField({ format: 'uuid' }) customerId: string;
  /** False when an existing customer was linked. */
  @ResponseField() customerCreated: boolean;
  @ResponseField({ format: 'uuid' }) contactId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) opportunityId: string | null;
  @ResponseField({ format: 'date-time' }) convertedAt: string;
  /** Follow-ups logged on the lead that now sit on the customer's timeline. */
  @ResponseField({ type: 'integer' }) movedActivities: number;
}

/** Extra members of the 409 LEAD_ALREADY_CONVERTED problem: what the first conversion produced. */
export class LeadAlreadyConvertedDto {
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) contactId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) opportunityId: string | null;
  @ResponseField({ format: 'date-time' }) convertedAt: string;
}
