import { PageQueryDto } from '../common/page-query.dto';
import { QueryBooleanField, ResponseField } from '../common/fields.decorator';

/** One item in a user's in-app inbox (pool return warnings, overdue receivables, assignments …). */
export class NotificationDto {
  @ResponseField({ format: 'uuid' }) id: string;
  /** Stable machine kind, e.g. `pool.return_soon`, `receivable.overdue`. */
  @ResponseField({ example: 'pool.return_soon' }) kind: string;
  @ResponseField() title: string;
  @ResponseField({ type: String, nullable: true }) body: string | null;
  /** SPA path to open, e.g. `/sales/customers/…`. */
  @ResponseField({ type: String, nullable: true }) link: string | null;
  @ResponseField({ type: String, nullable: true, example: 'customer' }) entityType: string | null;
  @ResponseField({ type: String, nullable: true }) entityId: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class ListNotificationsQuery extends PageQueryDto {
  /** Only unread ones. */
  @QueryBooleanField({ description: 'Only unread notifications.' }) unread?: boolean;
}

export class UnreadCountDto {
  @ResponseField() unread: number;
}
