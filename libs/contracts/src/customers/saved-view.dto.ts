import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { EnumField, ResponseField, StringField, UuidField } from '../common/fields.decorator';

export enum SavedViewEntity {
  CUSTOMER = 'customer',
  CONTACT = 'contact',
  LEAD = 'lead',
  OPPORTUNITY = 'opportunity',
  ACTIVITY = 'activity',
}

function ColumnsField(optional: boolean): PropertyDecorator {
  return (target, key) => {
    if (optional) IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(50)(target, key);
    IsString({ each: true })(target, key);
    MaxLength(60, { each: true })(target, key);
    (optional ? ApiPropertyOptional : ApiProperty)({ type: [String], maxItems: 50, description: 'Visible columns in order.' })(target, key);
  };
}

function FiltersField(optional: boolean): PropertyDecorator {
  return (target, key) => {
    if (optional) IsOptional()(target, key);
    IsObject()(target, key);
    (optional ? ApiPropertyOptional : ApiProperty)({ type: 'object', additionalProperties: true, description: "The list's query parameters (q, grade, sort …) as the list page sends them.", example: { grade: 'A', sort: '-lastFollowUpAt' } })(target, key);
  };
}

/** A named set of list filters and columns: the owner's, optionally shared with one of their teams. */
export class SavedViewDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ enum: SavedViewEntity, enumName: 'SavedViewEntity' }) entityType: SavedViewEntity;
  @ResponseField() name: string;
  @ResponseField({ type: 'object', additionalProperties: true }) filters: Record<string, unknown>;
  @ResponseField({ type: [String] }) columns: string[];
  @ResponseField({ format: 'uuid' }) ownerId: string;
  /** The team it is shared with; null = private. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) sharedWithTeamId: string | null;
  /** Whether the caller may change it (only the owner). */
  @ResponseField() mine: boolean;
  @ResponseField() version: number;
}

export class CreateSavedViewDto {
  @EnumField(SavedViewEntity, 'SavedViewEntity') entityType: SavedViewEntity;
  @StringField({ maxLength: 100, minLength: 1 }) name: string;
  @FiltersField(false) filters: Record<string, unknown>;
  @ColumnsField(false) columns: string[];
  /** Share with a team you belong to. */
  @UuidField({ optional: true }) sharedWithTeamId?: string;
}

export class UpdateSavedViewDto {
  @StringField({ optional: true, maxLength: 100, minLength: 1 }) name?: string;
  @FiltersField(true) filters?: Record<string, unknown>;
  @ColumnsField(true) columns?: string[];
  @UuidField({ optional: true, nullable: true }) sharedWithTeamId?: string | null;
}

export class ListSavedViewsQuery {
  @EnumField(SavedViewEntity, 'SavedViewEntity') entityType: SavedViewEntity;
}
