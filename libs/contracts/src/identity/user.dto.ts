import { ArrayMinSize } from 'class-validator';
import { Limits } from '../common/limits.constant';
import { BooleanField, EmailField, EnumField, NumberField, QueryBooleanField, ResponseField, StringArrayField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';

export enum UserLocale {
  ZH_CN = 'zh-CN',
  EN = 'en',
}

export class UserDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ format: 'email' }) email: string;
  @ResponseField() name: string;
  @ResponseField({ type: String, nullable: true }) phone: string | null;
  @ResponseField({ enum: UserLocale, enumName: 'UserLocale' }) locale: string;
  @ResponseField() active: boolean;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  /** Role keys. */
  @ResponseField({ type: [String], example: ['sales_rep'] }) roles: string[];
  @ResponseField({ type: [String], description: 'Teams the user belongs to.' }) teamIds: string[];
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreateUserDto {
  @EmailField() email: string;
  @StringField({ maxLength: Limits.nameMaxLength, minLength: 1 }) name: string;
  @StringField({ optional: true, maxLength: 32 }) phone?: string;
  @EnumField(UserLocale, 'UserLocale', { optional: true }) locale?: UserLocale;
  @UuidField({ optional: true }) departmentId?: string;
  /** Role keys, at least one. */
  @ArrayMinSize(1)
  @StringArrayField({ maxSize: 20, itemMaxLength: 60 }) roles: string[];
  /** Initial password; the user should change it at first login. */
  @StringField({ maxLength: Limits.passwordMaxLength, minLength: Limits.passwordMinLength, noTrim: true }) password: string;
}

export class UpdateUserDto {
  @StringField({ optional: true, maxLength: Limits.nameMaxLength, minLength: 1 }) name?: string;
  @StringField({ optional: true, maxLength: 32 }) phone?: string;
  @EnumField(UserLocale, 'UserLocale', { optional: true }) locale?: UserLocale;
  /** null takes the user out of any department. */
  @UuidField({ optional: true, nullable: true }) departmentId?: string | null;
  @StringArrayField({ optional: true, maxSize: 20, itemMaxLength: 60 }) roles?: string[];
  /** false disables the account: every session stops at once. */
  @BooleanField({ optional: true }) active?: boolean;
}

export class ResetPasswordDto {
  @StringField({ maxLength: Limits.passwordMaxLength, minLength: Limits.passwordMinLength, noTrim: true }) newPassword: string;
}

export class ListUsersQuery extends PageQueryDto {
  /** Name or e-mail contains. */
  @StringField({ optional: true, maxLength: 100 }) q?: string;
  /** Members of this department and its sub-departments. */
  @UuidField({ optional: true }) departmentId?: string;
  @StringField({ optional: true, maxLength: 60 }) role?: string;
  @QueryBooleanField() active?: boolean;
  /** name, -name, createdAt, -createdAt, email, -email */
  @StringField({ optional: true, maxLength: 20 }) sort?: string;
}

/** What any colleague may know about a user: for owner names and pickers. */
export class UserDirectoryEntryDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField() name: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
}

export class UserDirectoryQuery {
  /** Name contains. */
  @StringField({ optional: true, maxLength: 100 }) q?: string;
  /** Look up these users (comma-separated, up to 200), e.g. the owners on a page. */
  @StringField({ optional: true, maxLength: 200 * 37 }) ids?: string;
  @NumberField({ optional: true, int: true, min: 1, max: 200 }) limit?: number;
}
