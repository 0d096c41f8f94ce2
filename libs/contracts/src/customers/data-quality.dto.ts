import { ResponseField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { NumberField } from '../common/fields.decorator';

export class DuplicatePairDto {
  @ResponseField({ format: 'uuid' }) firstId: string;
  @ResponseField() firstName: string;
  @ResponseField({ format: 'uuid' }) secondId: string;
  @ResponseField() secondName: string;
  /** phone, email, nameKey */
  @ResponseField({ type: [String] }) reasons: string[];
}

export class ListDuplicatePairsQuery extends PageQueryDto {}

export class DataQualityReportDto {
  @ResponseField() customers: number;
  @ResponseField() missingPhone: number;
  @ResponseField() missingEmail: number;
  @ResponseField() missingIndustry: number;
  @ResponseField() missingRegion: number;
  @ResponseField({ description: 'Customers with no follow-up (or created) for staleDays.' }) stale: number;
  @ResponseField() staleDays: number;
  @ResponseField({ description: 'Customers that share a phone, e-mail or company key with another.' }) inDuplicateGroups: number;
  @ResponseField({ description: 'Average completeness, 0–100.' }) averageCompleteness: number;
  /** Count of customers per completeness band: 0-39, 40-69, 70-89, 90-100. */
  @ResponseField({ type: 'object', additionalProperties: { type: 'integer' } }) completenessBands: Record<string, number>;
}

export class DataQualityQuery {
  @NumberField({ optional: true, int: true, min: 1, max: 3650, description: 'Days without follow-up that make a record stale (default 90).' })
  staleDays?: number;
}
