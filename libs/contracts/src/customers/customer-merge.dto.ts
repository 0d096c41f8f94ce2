import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsUUID } from 'class-validator';
import { ResponseField } from '../common/fields.decorator';

/** Fields whose value can be taken from any of the merged records. */
export const MERGEABLE_CUSTOMER_FIELDS = [
  'name', 'shortName', 'kind', 'industry', 'country', 'province', 'city', 'address', 'website', 'phone', 'email',
  'source', 'lifecycleStage', 'grade', 'ownerId', 'referredByCustomerId', 'externalId', 'nextFollowUpOn',
] as const;

export class MergeCustomersDto {
  /** The duplicates that merge into the customer in the path; they end up in the recycle bin pointing to it. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsUUID('all', { each: true })
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 20 })
  loserIds: string[];

  /** Field → id of the record (the winner or one of the losers) whose value to keep. Unlisted fields keep the winner's value. */
  @IsOptional() @IsObject()
  @ApiPropertyOptional({
    type: 'object',
    properties: Object.fromEntries(MERGEABLE_CUSTOMER_FIELDS.map((f) => [f, { type: 'string', format: 'uuid' }])),
    additionalProperties: false,
    example: { phone: '6f1c…', industry: '9a2e…' },
  })
  fields?: Partial<Record<(typeof MERGEABLE_CUSTOMER_FIELDS)[number], string>>;
}

export class MergeResultDto {
  @ResponseField({ format: 'uuid' }) winnerId: string;
  @ResponseField({ type: [String] }) mergedIds: string[];
  /** Related records moved to the winner, per kind (contacts, activities, …). */
  @ResponseField({ type: 'object', additionalProperties: { type: 'integer' }, example: { contacts: 3, activities: 12 } }) moved: Record<string, number>;
}
