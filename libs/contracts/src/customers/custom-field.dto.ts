import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { BooleanField, EnumField, NumberField, ResponseField, StringField } from '../common/fields.decorator';
import { CustomFieldEntity, CustomFieldType } from './custom-field.enums';

function OptionsField(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(100)(target, key);
    IsString({ each: true })(target, key);
    MaxLength(100, { each: true })(target, key);
    ApiPropertyOptional({ type: [String], maxItems: 100, description: 'Choices of a select field.' })(target, key);
  };
}

export class CustomFieldDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ enum: CustomFieldEntity, enumName: 'CustomFieldEntity' }) entityType: CustomFieldEntity;
  /** The key in `customFields` objects. */
  @ResponseField({ example: 'erp_level' }) key: string;
  @ResponseField({ example: 'ERP 等级' }) label: string;
  @ResponseField({ enum: CustomFieldType, enumName: 'CustomFieldType' }) type: CustomFieldType;
  @ResponseField({ type: [String] }) options: string[];
  @ResponseField() required: boolean;
  @ResponseField() sortOrder: number;
  @ResponseField() active: boolean;
  @ResponseField() version: number;
}

export class CreateCustomFieldDto {
  @EnumField(CustomFieldEntity, 'CustomFieldEntity') entityType: CustomFieldEntity;
  @StringField({ maxLength: 40, minLength: 1, pattern: /^[a-z][a-z0-9_]*$/, example: 'erp_level' }) key: string;
  @StringField({ maxLength: 100, minLength: 1 }) label: string;
  @EnumField(CustomFieldType, 'CustomFieldType') type: CustomFieldType;
  @OptionsField() options?: string[];
  @BooleanField({ optional: true }) required?: boolean;
  @NumberField({ optional: true, int: true, min: 0, max: 10000 }) sortOrder?: number;
}

/** The key and type never change (stored values depend on them). */
export class UpdateCustomFieldDto {
  @StringField({ optional: true, maxLength: 100, minLength: 1 }) label?: string;
  @OptionsField() options?: string[];
  @BooleanField({ optional: true }) required?: boolean;
  @NumberField({ optional: true, int: true, min: 0, max: 10000 }) sortOrder?: number;
  @BooleanField({ optional: true, description: 'false hides the field; stored values are kept.' }) active?: boolean;
}

export class ListCustomFieldsQuery {
  @EnumField(CustomFieldEntity, 'CustomFieldEntity', { optional: true }) entityType?: CustomFieldEntity;
}
