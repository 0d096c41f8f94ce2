import { AppModuleName } from '../auth/access.enum';
import { Limits } from '../common/limits.constant';
import { ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { ArrayMaxSize, IsArray, IsEnum } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

export class DepartmentDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) managerId: string | null;
  @ResponseField({ enum: AppModuleName, enumName: 'AppModuleName', isArray: true }) modules: AppModuleName[];
  /** Active users directly in this department. */
  @ResponseField() memberCount: number;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateDepartmentDto {
  @StringField({ maxLength: Limits.nameMaxLength, minLength: 1 }) name: string;
  /** Omit for a top-level department. */
  @UuidField({ optional: true }) parentId?: string;
  @UuidField({ optional: true }) managerId?: string;
}

export class UpdateDepartmentDto {
  @StringField({ optional: true, maxLength: Limits.nameMaxLength, minLength: 1 }) name?: string;
  /** Move under another department (not under itself or its own sub-department); null = top level. */
  @UuidField({ optional: true, nullable: true }) parentId?: string | null;
  @UuidField({ optional: true, nullable: true }) managerId?: string | null;
}

/** Which modules a department has switched on (成熟一个上线一个). */
export class UpdateModuleRolloutDto {
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(AppModuleName, { each: true })
  @ApiProperty({ enum: AppModuleName, enumName: 'AppModuleName', isArray: true })
  modules: AppModuleName[];
}

export class ModuleRolloutDto {
  @ResponseField({ format: 'uuid' }) departmentId: string;
  @ResponseField() departmentName: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ResponseField({ enum: AppModuleName, enumName: 'AppModuleName', isArray: true }) modules: AppModuleName[];
  @ResponseField() version: number;
}
