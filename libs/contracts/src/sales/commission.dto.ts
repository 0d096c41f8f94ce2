import { DateField, EnumField, NumberField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { MaxDecimals, RevenueLimits } from './money.decorator';

/**
 * When the one-off bonus for a newly developed customer counts (seed 004: 一次性客户开发奖励).
 * `customer_created`: in the month the developer brought the customer into the CRM (the
 * seed rewards sharing the customer with the company); `first_paid_order`: in the month of
 * the customer's first paid order (guards against padding with empty records).
 */
export enum CommissionBonusTrigger {
  CUSTOMER_CREATED = 'customer_created',
  FIRST_PAID_ORDER = 'first_paid_order',
}

export enum CommissionStatementStatus {
  DRAFT = 'draft',
  CONFIRMED = 'confirmed',
}

export enum CommissionLineKind {
  BONUS = 'bonus',
  PERCENTAGE = 'percentage',
}

/**
 * A commission rule: a one-off bonus per new customer developed and/or a percentage of
 * that customer's paid orders for N months after it was acquired (created). Only orders in
 * the rule's currency count (no exchange rates in the CRM). Effective dates are days in
 * Asia/Shanghai, inclusive.
 */
export class CommissionRuleDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: '新客户开发提成' }) name: string;
  @ResponseField({ type: 'number', nullable: true, description: 'One-off bonus per new customer; null = none.' }) bonusAmount: number | null;
  @ResponseField({ enum: CommissionBonusTrigger, enumName: 'CommissionBonusTrigger' }) bonusTrigger: CommissionBonusTrigger;
  @ResponseField({ type: 'number', nullable: true, description: 'Percent of paid order totals; null = none.' }) ratePercent: number | null;
  @ResponseField({ type: 'integer', nullable: true, description: 'Orders paid within this many months after the customer was created count.' }) months: number | null;
  @ResponseField({ example: 'CNY' }) currency: string;
  @ResponseField({ format: 'date' }) effectiveFrom: string;
  @ResponseField({ type: String, format: 'date', nullable: true }) effectiveTo: string | null;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateCommissionRuleDto {
  @StringField({ maxLength: 100, minLength: 1 }) name: string;
  @NumberField({ optional: true, min: 0.01, max: RevenueLimits.moneyMax }) @MaxDecimals(2) bonusAmount?: number;
  @EnumField(CommissionBonusTrigger, 'CommissionBonusTrigger', { optional: true }) bonusTrigger?: CommissionBonusTrigger;
  @NumberField({ optional: true, min: 0.01, max: 100 }) @MaxDecimals(2) ratePercent?: number;
  /** Required with ratePercent. */
  @NumberField({ optional: true, int: true, min: 1, max: 120 }) months?: number;
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  @DateField() effectiveFrom: string;
  @DateField({ optional: true }) effectiveTo?: string;
}

export class UpdateCommissionRuleDto {
  @StringField({ optional: true, maxLength: 100, minLength: 1 }) name?: string;
  @NumberField({ optional: true, nullable: true, min: 0.01, max: RevenueLimits.moneyMax }) @MaxDecimals(2) bonusAmount?: number | null;
  @EnumField(CommissionBonusTrigger, 'CommissionBonusTrigger', { optional: true }) bonusTrigger?: CommissionBonusTrigger;
  @NumberField({ optional: true, nullable: true, min: 0.01, max: 100 }) @MaxDecimals(2) ratePercent?: number | null;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: 120 }) months?: number | null;
  @DateField({ optional: true }) effectiveFrom?: string;
  @DateField({ optional: true, nullable: true }) effectiveTo?: string | null;
}

export class CommissionLineDto {
  @ResponseField({ enum: CommissionLineKind, enumName: 'CommissionLineKind' }) kind: CommissionLineKind;
  @ResponseField({ format: 'uuid' }) ruleId: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, nullable: true }) customerName: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) orderId: string | null;
  @ResponseField({ type: String, nullable: true }) orderNumber: string | null;
  /** The order total (percentage lines) or null (bonus). */
  @ResponseField({ type: 'number', nullable: true }) basisAmount: number | null;
  @ResponseField({ type: 'number', nullable: true }) ratePercent: number | null;
  @ResponseField({ type: 'number', nullable: true }) bonusAmount: number | null;
  /** Rounded half up to cents per line. */
  @ResponseField({ type: 'number' }) amount: number;
  /** When it counted: the customer's creation, first payment or the order's payment. */
  @ResponseField({ format: 'date-time' }) occurredAt: string;
}

export class CommissionStatementDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ format: 'uuid' }) userId: string;
  @ResponseField({ type: String, nullable: true }) userName: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  /** YYYY-MM, a month in Asia/Shanghai. */
  @ResponseField({ example: '2026-11' }) period: string;
  @ResponseField({ enum: CommissionStatementStatus, enumName: 'CommissionStatementStatus' }) status: CommissionStatementStatus;
  @ResponseField({ example: 'CNY' }) currency: string;
  @ResponseField({ type: 'number' }) total: number;
  @ResponseField({ type: 'integer' }) lineCount: number;
  @ResponseField({ format: 'date-time' }) computedAt: string;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) confirmedAt: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) confirmedBy: string | null;
  /** Empty in lists. */
  @ResponseField({ type: [CommissionLineDto] }) lines: CommissionLineDto[];
  @ResponseField() version: number;
}

export class ComputeCommissionStatementsDto {
  /** One rep; default every developer in your scope with something to earn (and existing drafts). */
  @UuidField({ optional: true }) userId?: string;
  @StringField({ maxLength: 7, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2026-11' }) period: string;
  /** Default CNY: one statement per rep, period and currency. */
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
}

export class ComputeCommissionStatementsResultDto {
  @ResponseField({ type: [CommissionStatementDto], description: 'The statements computed (drafts) or left alone (confirmed), without lines.' }) statements: CommissionStatementDto[];
}

export class ListCommissionStatementsQuery extends PageQueryDto {
  @UuidField({ optional: true }) userId?: string;
  @StringField({ optional: true, maxLength: 7, pattern: /^\d{4}-(0[1-9]|1[0-2])$/ }) period?: string;
  @EnumField(CommissionStatementStatus, 'CommissionStatementStatus', { optional: true }) status?: CommissionStatementStatus;
  /** period, total; prefix - for descending. Default -period (newest month first). */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}

export class CommissionStatementQuery {
  /** csv: the statement as a CSV file (UTF-8 with BOM for Excel). */
  @EnumField({ JSON: 'json', CSV: 'csv' }, 'CommissionExportFormat', { optional: true }) format?: 'json' | 'csv';
}
