import { DateTimeField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';

export class AuditEventDto {
  @ResponseField() id: string;
  @ResponseField({ format: 'date-time' }) occurredAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ResponseField({ type: String, nullable: true }) actorName: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) onBehalfOfId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) apiKeyId: string | null;
  @ResponseField({ example: 'update' }) action: string;
  @ResponseField({ example: 'user' }) entityType: string;
  @ResponseField({ type: String, nullable: true }) entityId: string | null;
  @ResponseField({ type: 'object', nullable: true, additionalProperties: { type: 'object', properties: { before: {}, after: {} } } })
  changes: Record<string, { before: unknown; after: unknown }> | null;
  @ResponseField({ type: String, nullable: true }) requestId: string | null;
  @ResponseField({ type: String, nullable: true }) ip: string | null;
}

export class ListAuditEventsQuery extends PageQueryDto {
  @UuidField({ optional: true }) actorId?: string;
  @StringField({ optional: true, maxLength: 60 }) entityType?: string;
  @StringField({ optional: true, maxLength: 64 }) entityId?: string;
  @StringField({ optional: true, maxLength: 40 }) action?: string;
  @DateTimeField({ optional: true }) from?: string;
  @DateTimeField({ optional: true }) to?: string;
}
