import { BooleanField, DateField, EnumField, NestedField, NumberField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { CasePriority } from './case.enums';
import { SlaLimits } from './sla-policy.dto';

export const ServiceContractLimits = {
  numberMaxLength: 40,
  nameMaxLength: 200,
  levelMaxLength: 40,
  notesMaxLength: 2_000,
  reasonMaxLength: 500,
  visitsMax: 10_000,
  searchMaxLength: 100,
} as const;

/**
 * Where a service contract stands on a day: upcoming before its start, active in its term,
 * expired after its end, terminated once ended early.
 */
export enum ServiceContractStatus {
  UPCOMING = 'upcoming',
  ACTIVE = 'active',
  EXPIRED = 'expired',
  TERMINATED = 'terminated',
}

/** What the contract promises for one priority, instead of the company policy (omitted priorities keep the policy's targets). */
export class ContractSlaTargetDto {
  @EnumField(CasePriority, 'CasePriority') priority: CasePriority;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: SlaLimits.targetMaxMinutes, example: 30 }) firstResponseMinutes: number | null;
  @NumberField({ optional: true, nullable: true, int: true, min: 1, max: SlaLimits.targetMaxMinutes, example: 240 }) resolutionMinutes: number | null;
  /** false: around the clock (7 × 24); default true (the policy calendar's working time). */
  @BooleanField({ optional: true }) businessHours?: boolean;
}

export class ServiceContractDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'SC-20261126-00007' }) number: string;
  @ResponseField({ example: '2027 年度金牌维保' }) name: string;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, nullable: true }) customerName: string | null;
  /** Free label of the service level (金牌 / Gold …). */
  @ResponseField({ type: String, nullable: true }) level: string | null;
  @ResponseField({ format: 'date' }) startDate: string;
  @ResponseField({ format: 'date' }) endDate: string;
  @ResponseField({ enum: ServiceContractStatus, enumName: 'ServiceContractStatus' }) status: ServiceContractStatus;
  @ResponseField({ type: [ContractSlaTargetDto] }) slaTargets: ContractSlaTargetDto[];
  /** Field visits included in the term (null: not limited). */
  @ResponseField({ type: 'integer', nullable: true }) visitsIncluded: number | null;
  /** Included visits used: completed work orders that were not billable (only on getServiceContract). */
  @ResponseField({ type: 'integer', nullable: true }) visitsUsed: number | null;
  /** Cases raised under this contract. */
  @ResponseField({ type: 'integer', nullable: true }) caseCount: number | null;
  @ResponseField({ type: String, nullable: true }) notes: string | null;
  /** The account manager responsible for it. */
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) terminatedAt: string | null;
  @ResponseField({ type: String, nullable: true }) terminationReason: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField() version: number;
}

export class CreateServiceContractDto {
  /** Default: generated `SC-YYYYMMDD-NNNNN`. Unique (409 ALREADY_EXISTS). */
  @StringField({ optional: true, maxLength: ServiceContractLimits.numberMaxLength, minLength: 1, pattern: /^[A-Za-z0-9][A-Za-z0-9\-_/.]*$/ }) number?: string;
  @StringField({ maxLength: ServiceContractLimits.nameMaxLength, minLength: 1, example: '2027 年度金牌维保' }) name: string;
  @UuidField() customerId: string;
  @StringField({ optional: true, maxLength: ServiceContractLimits.levelMaxLength, example: '金牌' }) level?: string;
  @DateField() startDate: string;
  /** On or after startDate. */
  @DateField() endDate: string;
  /** At most one per priority. */
  @NestedField(() => ContractSlaTargetDto, { optional: true, each: true, maxSize: 4 }) slaTargets?: ContractSlaTargetDto[];
  @NumberField({ optional: true, nullable: true, int: true, min: 0, max: ServiceContractLimits.visitsMax }) visitsIncluded?: number | null;
  @StringField({ optional: true, maxLength: ServiceContractLimits.notesMaxLength }) notes?: string;
  /** Default you; another user needs service.contract.manage with department or all scope. */
  @UuidField({ optional: true }) ownerId?: string;
}

/** Needs If-Match. A terminated contract does not change. */
export class UpdateServiceContractDto {
  @StringField({ optional: true, maxLength: ServiceContractLimits.nameMaxLength, minLength: 1 }) name?: string;
  @StringField({ optional: true, nullable: true, maxLength: ServiceContractLimits.levelMaxLength }) level?: string | null;
  @DateField({ optional: true }) startDate?: string;
  @DateField({ optional: true }) endDate?: string;
  @NestedField(() => ContractSlaTargetDto, { optional: true, each: true, maxSize: 4 }) slaTargets?: ContractSlaTargetDto[];
  @NumberField({ optional: true, nullable: true, int: true, min: 0, max: ServiceContractLimits.visitsMax }) visitsIncluded?: number | null;
  @StringField({ optional: true, nullable: true, maxLength: ServiceContractLimits.notesMaxLength }) notes?: string | null;
  @UuidField({ optional: true }) ownerId?: string;
}

export class TerminateServiceContractDto {
  @StringField({ maxLength: ServiceContractLimits.reasonMaxLength, minLength: 1, example: '客户提前解约' }) reason: string;
}

export class ListServiceContractsQuery extends PageQueryDto {
  @UuidField({ optional: true }) customerId?: string;
  /** As of today (the SLA calendar's day). */
  @EnumField(ServiceContractStatus, 'ServiceContractStatus', { optional: true }) status?: ServiceContractStatus;
  /** endDate ≤ this day (renewals due). */
  @DateField({ optional: true }) endingBefore?: string;
  @UuidField({ optional: true }) ownerId?: string;
  /** Part of the number or name. */
  @StringField({ optional: true, maxLength: ServiceContractLimits.searchMaxLength }) q?: string;
  /** createdAt, endDate, startDate, number; prefix - for descending. Default -createdAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}
