import { NumberField, ResponseField } from '../common/fields.decorator';
import { RfmSegment } from './value.enums';

/** A customer's value (客户价值): RFM over the settings' window, lifetime revenue and the value of customers it referred. */
export class CustomerValueDto {
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ enum: RfmSegment, enumName: 'RfmSegment' }) rfmSegment: RfmSegment;
  @ResponseField({ type: 'integer', nullable: true, description: 'Recency score 1–5 (5 = bought most recently); null without orders.' }) rScore: number | null;
  @ResponseField({ type: 'integer', nullable: true, description: 'Frequency score 1–5 within the window.' }) fScore: number | null;
  @ResponseField({ type: 'integer', nullable: true, description: 'Monetary score 1–5 within the window.' }) mScore: number | null;
  @ResponseField({ type: 'integer', nullable: true, description: 'Days from the last paid order to the computation.' }) recencyDays: number | null;
  @ResponseField({ type: 'integer', description: 'Paid orders within the window.' }) frequency: number;
  @ResponseField({ type: 'number', description: 'Revenue within the window.' }) monetary: number;
  @ResponseField({ type: 'number', description: 'All paid revenue so far.' }) lifetimeValue: number;
  @ResponseField({ type: 'integer', description: 'Customers it referred (referredByCustomerId).' }) referralCount: number;
  @ResponseField({ type: 'number', description: "The referral share of the referred customers' lifetime revenue." }) referralValue: number;
  @ResponseField({ type: 'number', description: 'lifetimeValue + referralValue.' }) totalValue: number;
  @ResponseField({ format: 'date-time' }) computedAt: string;
}

export class ValueRunDto {
  @ResponseField({ format: 'date-time' }) startedAt: string;
  @ResponseField({ format: 'date-time', nullable: true, description: 'null while it runs.' }) finishedAt: string | null;
  @ResponseField({ type: 'integer', nullable: true }) customers: number | null;
  @ResponseField({ type: 'integer', nullable: true, description: 'Customers whose value changed.' }) changed: number | null;
  @ResponseField({ type: 'integer', nullable: true }) durationMs: number | null;
  @ResponseField({ nullable: true, description: 'Why the run failed.' }) error: string | null;
}

/** How values are computed; a change takes effect at the next recompute. */
export class ValueSettingsDto {
  @ResponseField({ type: 'integer', description: 'Months of orders that frequency and monetary count.' }) windowMonths: number;
  @ResponseField({ type: 'number', description: "Percent of a referred customer's lifetime revenue credited to the referrer." }) referralSharePercent: number;
  @ResponseField({ type: 'integer' }) version: number;
  @ResponseField({ type: ValueRunDto, nullable: true, description: 'The last (or running) recompute.' }) lastRun: ValueRunDto | null;
}

export class UpdateValueSettingsDto {
  @NumberField({ int: true, min: 1, max: 60, example: 12 }) windowMonths: number;
  @NumberField({ min: 0, max: 100, example: 10 }) referralSharePercent: number;
}

/** One cell of the R × F grid: how many customers and what they are worth. */
export class RfmCellDto {
  @ResponseField({ type: 'integer', minimum: 1, maximum: 5 }) r: number;
  @ResponseField({ type: 'integer', minimum: 1, maximum: 5 }) f: number;
  @ResponseField({ type: 'integer' }) customers: number;
  @ResponseField({ type: 'number', description: 'Average monetary (window revenue).' }) avgMonetary: number;
}

export class RfmSegmentSummaryDto {
  @ResponseField({ enum: RfmSegment, enumName: 'RfmSegment' }) segment: RfmSegment;
  @ResponseField({ type: 'integer' }) customers: number;
  @ResponseField({ type: 'number', description: 'Σ window revenue.' }) monetary: number;
  @ResponseField({ type: 'number', description: 'Σ lifetime value + referral value.' }) totalValue: number;
}

/** The RFM picture of the customers in the caller's scope. */
export class RfmOverviewDto {
  @ResponseField({ type: [RfmCellDto] }) cells: RfmCellDto[];
  @ResponseField({ type: [RfmSegmentSummaryDto] }) segments: RfmSegmentSummaryDto[];
  @ResponseField({ type: 'integer' }) customers: number;
  @ResponseField({ format: 'date-time', nullable: true, description: 'When values were last computed; null = never.' }) computedAt: string | null;
}
