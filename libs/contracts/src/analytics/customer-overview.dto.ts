import { ResponseField } from '../common/fields.decorator';

export class OverviewSalesDto {
  @ResponseField({ type: 'integer' }) openOpportunities: number;
  /** Σ amount of the open opportunities. */
  @ResponseField({ type: 'number' }) openPipelineAmount: number;
  @ResponseField({ type: 'integer' }) wonLast12Months: number;
  @ResponseField({ type: 'number' }) wonAmountLast12Months: number;
  /** Paid, shipped and delivered orders placed in the last 12 months. */
  @ResponseField({ type: 'number' }) revenueLast12Months: number;
  @ResponseField({ type: 'integer' }) ordersLast12Months: number;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lastOrderAt: string | null;
}

export class OverviewActivityDto {
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lastFollowUpAt: string | null;
  @ResponseField({ type: 'integer' }) followUpsLast90Days: number;
  /** The earliest open task. */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) nextTaskDueAt: string | null;
  @ResponseField({ type: String, nullable: true }) nextTaskSubject: string | null;
}

export class OverviewContractDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() number: string;
  @ResponseField() name: string;
  @ResponseField({ type: String, nullable: true }) level: string | null;
  @ResponseField({ format: 'date' }) endDate: string;
}

export class OverviewServiceDto {
  /** Cases not yet resolved. */
  @ResponseField({ type: 'integer' }) openCases: number;
  /** Of those, with a breached SLA clock. */
  @ResponseField({ type: 'integer' }) breachedCases: number;
  @ResponseField({ type: 'integer' }) casesLast12Months: number;
  /** Average satisfaction (1–5) of the cases rated in the last 12 months. */
  @ResponseField({ type: 'number', nullable: true }) satisfactionAverage: number | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lastCaseAt: string | null;
  /** The service contract in force today. */
  @ResponseField({ type: OverviewContractDto, nullable: true }) contract: OverviewContractDto | null;
}

export class OverviewValueDto {
  @ResponseField() rfmSegment: string;
  @ResponseField({ type: 'number' }) lifetimeValue: number;
  @ResponseField({ type: 'number' }) totalValue: number;
  @ResponseField({ format: 'date-time' }) computedAt: string;
}

/**
 * The customer 360 (客户全景): one customer across sales, follow-ups, service and value, in one
 * answer. A section is null when its module is off for the caller's department or the caller
 * lacks its read permission (value: not computed yet, too).
 */
export class CustomerOverviewDto {
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: OverviewSalesDto, nullable: true }) sales: OverviewSalesDto | null;
  @ResponseField({ type: OverviewActivityDto, nullable: true }) activity: OverviewActivityDto | null;
  @ResponseField({ type: OverviewServiceDto, nullable: true }) service: OverviewServiceDto | null;
  @ResponseField({ type: OverviewValueDto, nullable: true }) value: OverviewValueDto | null;
}
