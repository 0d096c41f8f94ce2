import { ApiProperty } from '@nestjs/swagger';
import { EnumField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { ImportDuplicateMode, ImportEntity, ImportStatus } from './import.enums';

/** Limits of CSV import and export. */
export const ImportLimits = {
  /** Largest upload accepted (413 above). */
  maxBytes: 256 * 1024 * 1024,
  /** Characters of the `mapping` query parameter. */
  mappingMaxLength: 8000,
} as const;

/** Options of `POST /api/v1/customers/imports` and `/leads/imports`; the body is the CSV file itself (text/csv, UTF-8, optional BOM). */
export class StartImportQuery {
  /** What a row matching an existing record (by externalSource+externalId, else company key for customers, phone or e-mail for leads) does. Default skip. */
  @EnumField(ImportDuplicateMode, 'ImportDuplicateMode', { optional: true }) duplicates?: ImportDuplicateMode;
  /** Owner of the new records. Default: you. Someone else needs sales.customer.assign / sales.lead.assign. */
  @UuidField({ optional: true }) ownerId?: string;
  /**
   * JSON object from CSV header to field key (`name`, `phone`, `cf.<key>` …; "" ignores the column).
   * Columns not named here are matched by key, English or Chinese label, or custom-field label.
   */
  @StringField({ optional: true, maxLength: ImportLimits.mappingMaxLength, example: '{"公司":"name","手机":"phone","等级":"cf.erp_level"}' }) mapping?: string;
}

export class ImportJobDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ enum: ImportEntity, enumName: 'ImportEntity' }) entity: ImportEntity;
  @ResponseField({ enum: ImportStatus, enumName: 'ImportStatus' }) status: ImportStatus;
  /** Data rows in the file (known once the job has read it; null before). */
  @ResponseField({ type: Number, nullable: true }) total: number | null;
  @ResponseField() processed: number;
  @ResponseField() created: number;
  @ResponseField() updated: number;
  @ResponseField() skipped: number;
  @ResponseField() failed: number;
  @ResponseField({ type: 'object', additionalProperties: true, description: 'duplicates, ownerId and the column mapping used.' }) options: Record<string, unknown>;
  /** Why the whole import stopped (status failed), else null. */
  @ResponseField({ type: String, nullable: true }) error: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}

/** One column an import understands. */
export class ImportColumnDto {
  /** Field key to map a CSV column to (`name`, `cf.erp_level`). */
  @ResponseField() key: string;
  @ResponseField({ description: 'English header used by export.' }) en: string;
  @ResponseField({ name: 'zh-CN', description: 'Chinese header used by export.' }) 'zh-CN': string;
  @ResponseField() required: boolean;
}

/** Columns of an entity, for the import dialog's mapping. */
export class ImportColumnsDto {
  @ApiProperty({ type: [ImportColumnDto] }) columns: ImportColumnDto[];
}
