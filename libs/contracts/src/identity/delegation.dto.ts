import { DateTimeField, ResponseField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';

/** A clerk may enter data on behalf of a rep until `endsAt` (代录入). */
export class DelegationDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ format: 'uuid' }) clerkId: string;
  @ResponseField({ format: 'uuid' }) repId: string;
  @ResponseField({ format: 'date-time' }) endsAt: string;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
}

export class CreateDelegationDto {
  @UuidField() clerkId: string;
  @UuidField() repId: string;
  @DateTimeField({ description: 'The grant stops at this instant.' }) endsAt: string;
}

export class ListDelegationsQuery extends PageQueryDto {
  @UuidField({ optional: true }) clerkId?: string;
  @UuidField({ optional: true }) repId?: string;
}

/** How much of each rep's data entry a clerk still does for them. */
export class DelegationUsageDto {
  @ResponseField({ format: 'uuid' }) repId: string;
  @ResponseField() repName: string;
  @ResponseField({ description: 'Changes recorded for the rep in the period.' }) total: number;
  @ResponseField({ description: 'Of those, entered by a clerk on their behalf.' }) delegated: number;
  @ResponseField({ description: 'delegated / total, 0–1.' }) share: number;
}

export class DelegationUsageQuery {
  @DateTimeField({ optional: true }) from?: string;
  @DateTimeField({ optional: true }) to?: string;
}
