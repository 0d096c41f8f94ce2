import { IsNumber } from 'class-validator';
import { DateField, EnumField, NumberField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { ContractApprovalDecision, SalesContractStatus } from './sales-contract.enums';

/** Limits of a sales contract, shared by the API and the SPA. */
export const SalesContractLimits = {
  numberMaxLength: 40,
  titleMaxLength: 200,
  reasonMaxLength: 500,
  commentMaxLength: 500,
  amountMax: 999_999_999_999.99,
  searchMaxLength: 100,
  /** The renewal job's look-ahead: contracts ending within this many days get a renewal opportunity. */
  renewalLeadDays: 60,
} as const;

/** At most two decimals (money). */
export function Money(): PropertyDecorator {
  return IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: '$property must have at most 2 decimal places' });
}

export class SalesContractTotalsDto {
  /** Σ instalment amounts. */
  @ResponseField({ type: 'number' }) planned: number;
  /** Σ payments. */
  @ResponseField({ type: 'number' }) received: number;
  /** amount − received. */
  @ResponseField({ type: 'number' }) outstanding: number;
  /** Unpaid part of instalments past their due date. */
  @ResponseField({ type: 'number' }) overdue: number;
}

export class SalesContractDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'HT-20261125-0001' }) number: string;
  @ResponseField({ example: '上海某某集团 CRM 年度订阅合同' }) title: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) opportunityId: string | null;
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ type: 'number' }) amount: number;
  @ResponseField({ example: 'CNY' }) currency: string;
  @ResponseField({ format: 'date' }) startDate: string;
  @ResponseField({ format: 'date' }) endDate: string;
  @ResponseField({ type: String, format: 'date', nullable: true }) signedDate: string | null;
  @ResponseField({ enum: SalesContractStatus, enumName: 'SalesContractStatus' }) status: SalesContractStatus;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) submittedBy: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  /** Why it was rejected (the last rejection) or terminated. */
  @ResponseField({ type: String, nullable: true }) statusReason: string | null;
  /** The renewal opportunity the daily job opened before the end date. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) renewalOpportunityId: string | null;
  /** Receivable totals; only on getSalesContract (null in lists). */
  @ResponseField({ type: SalesContractTotalsDto, nullable: true }) totals: SalesContractTotalsDto | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField() version: number;
}

export class CreateSalesContractDto {
  /** Default: generated `HT-YYYYMMDD-NNNN`. Unique (409 ALREADY_EXISTS). */
  @StringField({ optional: true, maxLength: SalesContractLimits.numberMaxLength, minLength: 1, pattern: /^[A-Za-z0-9][A-Za-z0-9\-_/.]*$/, example: 'HT-2026-001' }) number?: string;
  @StringField({ maxLength: SalesContractLimits.titleMaxLength, minLength: 1 }) title: string;
  /** A customer you can see (sales.customer.read). */
  @UuidField() customerId: string;
  /** An opportunity of the same customer. */
  @UuidField({ optional: true }) opportunityId?: string;
  /** Default you; another user needs sales.contract.update with department (that user in your departments) or all scope. */
  @UuidField({ optional: true }) ownerId?: string;
  @NumberField({ min: 0, max: SalesContractLimits.amountMax, example: 120000 }) @Money() amount: number;
  /** ISO 4217, default CNY. */
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/, example: 'CNY' }) currency?: string;
  @DateField() startDate: string;
  /** On or after startDate. */
  @DateField() endDate: string;
  @DateField({ optional: true }) signedDate?: string;
}

/** Only drafts and rejected contracts change their terms (owner and signed date always, while not terminated). */
export class UpdateSalesContractDto {
  @StringField({ optional: true, maxLength: SalesContractLimits.numberMaxLength, minLength: 1, pattern: /^[A-Za-z0-9][A-Za-z0-9\-_/.]*$/ }) number?: string;
  @StringField({ optional: true, maxLength: SalesContractLimits.titleMaxLength, minLength: 1 }) title?: string;
  @UuidField({ optional: true, nullable: true }) opportunityId?: string | null;
  @UuidField({ optional: true }) ownerId?: string;
  /** Not below the instalments planned (400 naming amount). */
  @NumberField({ optional: true, min: 0, max: SalesContractLimits.amountMax }) @Money() amount?: number;
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  @DateField({ optional: true }) startDate?: string;
  @DateField({ optional: true }) endDate?: string;
  @DateField({ optional: true, nullable: true }) signedDate?: string | null;
}

export class ContractDecisionDto {
  @StringField({ optional: true, maxLength: SalesContractLimits.commentMaxLength }) comment?: string;
}

export class RejectContractDto {
  /** Required. */
  @StringField({ maxLength: SalesContractLimits.reasonMaxLength, minLength: 1, example: '付款条件需调整' }) reason: string;
}

export class TerminateContractDto {
  @StringField({ maxLength: SalesContractLimits.reasonMaxLength, minLength: 1 }) reason: string;
}

export class ContractApprovalDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ enum: ContractApprovalDecision, enumName: 'ContractApprovalDecision' }) decision: ContractApprovalDecision;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ResponseField({ type: String, nullable: true }) comment: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
}

export class ListSalesContractsQuery extends PageQueryDto {
  @EnumField(SalesContractStatus, 'SalesContractStatus', { optional: true }) status?: SalesContractStatus;
  @UuidField({ optional: true }) customerId?: string;
  @UuidField({ optional: true }) ownerId?: string;
  @UuidField({ optional: true }) opportunityId?: string;
  /** signedDate ≥ this day. */
  @DateField({ optional: true }) signedFrom?: string;
  /** signedDate ≤ this day. */
  @DateField({ optional: true }) signedTo?: string;
  /** endDate ≤ this day (expiring contracts). */
  @DateField({ optional: true }) endingBefore?: string;
  /** Part of the number or title. */
  @StringField({ optional: true, maxLength: SalesContractLimits.searchMaxLength }) q?: string;
  /** createdAt, signedDate, endDate, amount, number; prefix - for descending. Default -createdAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

/** What an on-demand job run did. */
export class JobRunResultDto {
  @ResponseField({ type: 'integer' }) affected: number;
  /** The day (by the server's clock) the run counted as today. */
  @ResponseField({ format: 'date' }) today: string;
}
