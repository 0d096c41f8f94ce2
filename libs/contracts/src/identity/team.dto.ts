import { Limits } from '../common/limits.constant';
import { PageQueryDto } from '../common/page-query.dto';
import { ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';

export class TeamDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  @ResponseField({ format: 'uuid' }) departmentId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) managerId: string | null;
  @ResponseField({ type: [String] }) memberIds: string[];
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField() version: number;
}

export class CreateTeamDto {
  @StringField({ maxLength: Limits.nameMaxLength, minLength: 1 }) name: string;
  @UuidField() departmentId: string;
  @UuidField({ optional: true }) managerId?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  @ApiPropertyOptional({ type: [String], maxItems: 500 })
  memberIds?: string[];
}

export class UpdateTeamDto {
  @StringField({ optional: true, maxLength: Limits.nameMaxLength, minLength: 1 }) name?: string;
  @UuidField({ optional: true, nullable: true }) managerId?: string | null;
  /** Replaces the member list. */
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  @ApiPropertyOptional({ type: [String], maxItems: 500 })
  memberIds?: string[];
}

export class ListTeamsQuery extends PageQueryDto {
  @UuidField({ optional: true }) departmentId?: string;
}
