import { DateField, EnumField, NumberField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { Money, SalesContractLimits, SalesContractTotalsDto } from './sales-contract.dto';
import { PaymentMethod, ReceivableStatus } from './sales-contract.enums';

export const ReceivableLimits = {
  noteMaxLength: 500,
  referenceMaxLength: 100,
  instalmentsMax: 120,
} as const;

export class PaymentDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ format: 'uuid' }) instalmentId: string;
  @ResponseField({ format: 'uuid' }) contractId: string;
  @ResponseField({ type: 'number' }) amount: number;
  @ResponseField({ format: 'date' }) receivedOn: string;
  @ResponseField({ enum: PaymentMethod, enumName: 'PaymentMethod' }) method: PaymentMethod;
  @ResponseField({ type: String, nullable: true }) reference: string | null;
  @ResponseField({ type: String, nullable: true }) note: string | null;
  /** The contract owner when received (credited in targets). */
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
}

export class ReceivableDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ format: 'uuid' }) contractId: string;
  @ResponseField() contractNumber: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ format: 'date' }) dueDate: string;
  @ResponseField({ type: 'number' }) amount: number;
  @ResponseField({ type: 'number' }) received: number;
  @ResponseField({ type: 'number' }) outstanding: number;
  @ResponseField({ enum: ReceivableStatus, enumName: 'ReceivableStatus' }) status: ReceivableStatus;
  @ResponseField({ type: String, nullable: true }) note: string | null;
  /** Filled in the contract's plan; empty in the receivables list. */
  @ResponseField({ type: [PaymentDto] }) payments: PaymentDto[];
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField() version: number;
}

export class ReceivablePlanDto {
  @ResponseField({ format: 'uuid' }) contractId: string;
  @ResponseField({ type: 'number' }) contractAmount: number;
  @ResponseField({ type: SalesContractTotalsDto }) totals: SalesContractTotalsDto;
  /** By due date. */
  @ResponseField({ type: [ReceivableDto] }) instalments: ReceivableDto[];
}

export class CreateReceivableDto {
  @DateField() dueDate: string;
  /** Σ instalments may not exceed the contract amount (400 naming amount). */
  @NumberField({ min: 0.01, max: SalesContractLimits.amountMax, example: 40000 }) @Money() amount: number;
  @StringField({ optional: true, maxLength: ReceivableLimits.noteMaxLength }) note?: string;
}

export class UpdateReceivableDto {
  @DateField({ optional: true }) dueDate?: string;
  /** Not below what was received; Σ instalments ≤ contract amount. */
  @NumberField({ optional: true, min: 0.01, max: SalesContractLimits.amountMax }) @Money() amount?: number;
  @StringField({ optional: true, nullable: true, maxLength: ReceivableLimits.noteMaxLength }) note?: string | null;
}

export class CreatePaymentDto {
  /** At most the instalment's outstanding amount (409 PAYMENT_EXCEEDS_DUE). */
  @NumberField({ min: 0.01, max: SalesContractLimits.amountMax, example: 20000 }) @Money() amount: number;
  /** Not in the future. */
  @DateField() receivedOn: string;
  @EnumField(PaymentMethod, 'PaymentMethod') method: PaymentMethod;
  @StringField({ optional: true, maxLength: ReceivableLimits.referenceMaxLength, example: '银行流水 20261125001' }) reference?: string;
  @StringField({ optional: true, maxLength: ReceivableLimits.noteMaxLength }) note?: string;
}

export class ListReceivablesQuery extends PageQueryDto {
  @EnumField(ReceivableStatus, 'ReceivableStatus', { optional: true }) status?: ReceivableStatus;
  @UuidField({ optional: true }) ownerId?: string;
  @UuidField({ optional: true }) customerId?: string;
  @UuidField({ optional: true }) contractId?: string;
  /** dueDate ≤ this day. */
  @DateField({ optional: true }) dueBefore?: string;
  /** dueDate (default), amount; prefix - for descending. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}
