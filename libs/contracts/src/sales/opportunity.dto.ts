import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsObject, IsOptional } from 'class-validator';
import { DateField, EnumField, NestedField, NumberField, QueryBooleanField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { AuditEventDto } from '../identity/audit-event.dto';
import { OpportunityStatus } from './pipeline.enums';

/** Limits of an opportunity (商机), shared by the API and the SPA. */
export const OpportunityLimits = {
  nameMaxLength: 200,
  lineItemsMax: 100,
  productNameMaxLength: 200,
  productCodeMaxLength: 64,
  competitorMaxLength: 200,
  nextStepMaxLength: 500,
  lostReasonMaxLength: 500,
  /** numeric(18,2) holds more; this keeps cents exact in a JSON number. */
  amountMax: 999_999_999_999.99,
  quantityMax: 1_000_000_000,
  searchMaxLength: 100,
} as const;

/** At most `places` digits after the decimal point (money: 2, quantity: 4). */
function Decimals(places: number): PropertyDecorator {
  return IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: places }, { message: `$property must have at most ${places} decimal places` });
}

/** The `customFields` object: keys defined under /api/v1/custom-fields (entityType opportunity). */
function CustomFieldsField(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsObject()(target, key);
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }], nullable: true },
      description: 'Custom field values by key (GET /api/v1/custom-fields?entityType=opportunity). null clears a value on update.',
    })(target, key);
  };
}

/** A line of the quote: free-text product for now (the product catalogue comes later). */
export class OpportunityLineItemInputDto {
  @StringField({ maxLength: OpportunityLimits.productNameMaxLength, minLength: 1, example: 'CRM 年度订阅' }) productName: string;
  @StringField({ optional: true, maxLength: OpportunityLimits.productCodeMaxLength }) productCode?: string;
  @NumberField({ min: 0.0001, max: OpportunityLimits.quantityMax, example: 10 }) @Decimals(4) quantity: number;
  @NumberField({ min: 0, max: OpportunityLimits.amountMax, example: 1200 }) @Decimals(2) unitPrice: number;
  /** 0–100, default 0. */
  @NumberField({ optional: true, min: 0, max: 100, example: 5 }) @Decimals(2) discountPercent?: number;
}

export class OpportunityLineItemDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ type: 'integer' }) position: number;
  @ResponseField() productName: string;
  @ResponseField({ type: String, nullable: true }) productCode: string | null;
  @ResponseField({ type: 'number' }) quantity: number;
  @ResponseField({ type: 'number' }) unitPrice: number;
  @ResponseField({ type: 'number' }) discountPercent: number;
  /** quantity × unitPrice × (1 − discountPercent / 100), rounded half up to cents. */
  @ResponseField({ type: 'number' }) lineTotal: number;
}

export class OpportunityDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '上海某某集团 CRM 项目' }) name: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) contactId: string | null;
  /** The lead this opportunity was converted from. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) leadId: string | null;
  @ResponseField({ format: 'uuid' }) pipelineId: string;
  @ResponseField({ format: 'uuid' }) stageId: string;
  /** From the stage's kind. */
  @ResponseField({ enum: OpportunityStatus, enumName: 'OpportunityStatus' }) status: OpportunityStatus;
  /** Σ line totals when there are line items; otherwise as entered. */
  @ResponseField({ type: 'number' }) amount: number;
  /** ISO 4217. */
  @ResponseField({ example: 'CNY' }) currency: string;
  @ResponseField({ type: String, format: 'date', nullable: true }) expectedCloseDate: string | null;
  /** The effective win probability: probabilityOverride, else the stage's. */
  @ResponseField({ type: 'integer' }) probability: number;
  /** Set by hand; cleared when the opportunity moves stage. */
  @ResponseField({ type: 'integer', nullable: true }) probabilityOverride: number | null;
  @ResponseField({ type: String, nullable: true }) competitor: string | null;
  @ResponseField({ type: String, nullable: true }) nextStep: string | null;
  @ResponseField({ type: String, nullable: true }) lostReason: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) wonAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lostAt: string | null;
  @ResponseField({ format: 'date-time' }) stageEnteredAt: string;
  @ResponseField({ format: 'uuid' }) ownerId: string;
  /** The owner's department. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ type: 'object', additionalProperties: true, description: 'Custom field values by key.' }) customFields: Record<string, unknown>;
  /** Empty in lists; filled by getOpportunity, create and update. */
  @ResponseField({ type: [OpportunityLineItemDto] }) lineItems: OpportunityLineItemDto[];
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField() version: number;
}

export class CreateOpportunityDto {
  /** A customer you can see (sales.customer.read scope). */
  @UuidField() customerId: string;
  /** A contact of that customer. */
  @UuidField({ optional: true }) contactId?: string;
  @UuidField({ optional: true }) leadId?: string;
  /** Default: the default pipeline. Must be active. */
  @UuidField({ optional: true }) pipelineId?: string;
  /** A stage of the pipeline; default its first open stage. A lost stage needs lostReason. */
  @UuidField({ optional: true }) stageId?: string;
  @StringField({ maxLength: OpportunityLimits.nameMaxLength, minLength: 1 }) name: string;
  /** Only without lineItems (with line items the amount is their sum; sending both answers 400 naming amount). Default 0. */
  @NumberField({ optional: true, min: 0, max: OpportunityLimits.amountMax }) @Decimals(2) amount?: number;
  /** ISO 4217, default CNY. */
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/, example: 'CNY' }) currency?: string;
  @DateField({ optional: true }) expectedCloseDate?: string;
  @NestedField(() => OpportunityLineItemInputDto, { optional: true, each: true, maxSize: OpportunityLimits.lineItemsMax }) lineItems?: OpportunityLineItemInputDto[];
  @StringField({ optional: true, maxLength: OpportunityLimits.competitorMaxLength }) competitor?: string;
  @StringField({ optional: true, maxLength: OpportunityLimits.nextStepMaxLength }) nextStep?: string;
  /** Default you; another user needs sales.opportunity.update with department (that user in your departments) or all scope. */
  @UuidField({ optional: true }) ownerId?: string;
  /** Overrides the stage's probability. */
  @NumberField({ optional: true, int: true, min: 0, max: 100 }) probability?: number;
  /** Required when stageId is a lost stage. */
  @StringField({ optional: true, maxLength: OpportunityLimits.lostReasonMaxLength, minLength: 1 }) lostReason?: string;
  @CustomFieldsField() customFields?: Record<string, unknown>;
}

/** Customer and pipeline are fixed; the stage moves with moveOpportunityStage. */
export class UpdateOpportunityDto {
  @StringField({ optional: true, maxLength: OpportunityLimits.nameMaxLength, minLength: 1 }) name?: string;
  @UuidField({ optional: true, nullable: true }) contactId?: string | null;
  @UuidField({ optional: true, nullable: true }) leadId?: string | null;
  /** Refused (400 naming amount) while the opportunity has line items: the amount is their sum. */
  @NumberField({ optional: true, min: 0, max: OpportunityLimits.amountMax }) @Decimals(2) amount?: number;
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  @DateField({ optional: true, nullable: true }) expectedCloseDate?: string | null;
  /** Replaces all line items and recomputes the amount; [] removes them (the amount then stays, or is the amount sent). */
  @NestedField(() => OpportunityLineItemInputDto, { optional: true, each: true, maxSize: OpportunityLimits.lineItemsMax }) lineItems?: OpportunityLineItemInputDto[];
  @StringField({ optional: true, nullable: true, maxLength: OpportunityLimits.competitorMaxLength }) competitor?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: OpportunityLimits.nextStepMaxLength }) nextStep?: string | null;
  /** Reassign: the same rule as on create. The department follows the owner. */
  @UuidField({ optional: true }) ownerId?: string;
  /** null returns to the stage's probability. */
  @NumberField({ optional: true, nullable: true, int: true, min: 0, max: 100 }) probability?: number | null;
  /** Only while the opportunity is lost. */
  @StringField({ optional: true, maxLength: OpportunityLimits.lostReasonMaxLength, minLength: 1 }) lostReason?: string;
  /** Only the keys sent change; null removes a value. */
  @CustomFieldsField() customFields?: Record<string, unknown>;
}

/** The kanban drag: needs If-Match (412 when someone moved it first). */
export class MoveOpportunityStageDto {
  /** A stage of the opportunity's pipeline. */
  @UuidField() stageId: string;
  /** Required when stageId is a lost stage. */
  @StringField({ optional: true, maxLength: OpportunityLimits.lostReasonMaxLength, minLength: 1, example: '价格高于竞品' }) lostReason?: string;
}

export class ListOpportunitiesQuery extends PageQueryDto {
  @UuidField({ optional: true }) customerId?: string;
  @UuidField({ optional: true }) ownerId?: string;
  @UuidField({ optional: true }) pipelineId?: string;
  @UuidField({ optional: true }) stageId?: string;
  @EnumField(OpportunityStatus, 'OpportunityStatus', { optional: true }) status?: OpportunityStatus;
  /** expectedCloseDate ≥ this day. */
  @DateField({ optional: true }) expectedCloseFrom?: string;
  /** expectedCloseDate ≤ this day. */
  @DateField({ optional: true }) expectedCloseTo?: string;
  @NumberField({ optional: true, min: 0, max: OpportunityLimits.amountMax }) amountMin?: number;
  @NumberField({ optional: true, min: 0, max: OpportunityLimits.amountMax }) amountMax?: number;
  /** Part of the name. */
  @StringField({ optional: true, maxLength: OpportunityLimits.searchMaxLength }) q?: string;
  /** The recycle bin (needs sales.opportunity.delete). */
  @QueryBooleanField() deleted?: boolean;
  /** createdAt, updatedAt, expectedCloseDate, amount; prefix - for descending. Default -createdAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

/** One stay of the opportunity in a stage (time in stage for analytics). */
export class OpportunityStageHistoryDto {
  @ResponseField({ format: 'uuid' }) stageId: string;
  @ResponseField() stageName: string;
  @ResponseField({ format: 'date-time' }) enteredAt: string;
  /** null while it is still there. */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) leftAt: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) movedBy: string | null;
}

export class OpportunityHistoryDto {
  /** Every stay, oldest first. */
  @ResponseField({ type: [OpportunityStageHistoryDto] }) stages: OpportunityStageHistoryDto[];
  /** Audited changes, newest first; page with cursor. */
  @ResponseField({ type: [AuditEventDto] }) events: AuditEventDto[];
  @ResponseField({ type: String, nullable: true, description: 'Cursor of the next page of events; null on the last page.' }) nextCursor: string | null;
}
