import { Limits } from './limits.constant';
import { NumberField, QueryBooleanField, StringField } from './fields.decorator';

/** Keyset pagination parameters shared by every list endpoint. */
export class PageQueryDto {
  /** Page size, at most 200. */
  @NumberField({ optional: true, int: true, min: 1, max: Limits.pageSizeMax, example: Limits.pageSizeDefault })
  limit?: number;

  /** Opaque cursor from a previous page's `nextCursor`. */
  @StringField({ optional: true, maxLength: Limits.cursorMaxLength })
  cursor?: string;

  /** Also return `total` (costs a count query). */
  @QueryBooleanField({ description: 'Also return `total` (costs a count query).' })
  count?: boolean;
}
