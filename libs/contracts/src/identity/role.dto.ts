import { Limits } from '../common/limits.constant';
import { ResponseField, StringField } from '../common/fields.decorator';
import { PermissionGrantsField } from './permission-grants.decorator';
import type { PermissionGrants } from './permissions.constant';

const grantsDoc = { type: 'object', additionalProperties: { type: 'string', enum: ['own', 'team', 'department', 'all'] } } as const;

export class RoleDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'sales_rep' }) key: string;
  @ResponseField() name: string;
  /** Built-in roles follow the code and cannot be edited or deleted. */
  @ResponseField() builtIn: boolean;
  @ResponseField(grantsDoc as never) permissions: PermissionGrants;
  @ResponseField() userCount: number;
  @ResponseField() version: number;
}

export class CreateRoleDto {
  @StringField({ maxLength: 60, minLength: 2, pattern: /^[a-z][a-z0-9_]+$/, example: 'key_account_rep' }) key: string;
  @StringField({ maxLength: Limits.nameMaxLength, minLength: 1 }) name: string;
  @PermissionGrantsField() permissions: PermissionGrants;
}

export class UpdateRoleDto {
  @StringField({ optional: true, maxLength: Limits.nameMaxLength, minLength: 1 }) name?: string;
  @PermissionGrantsField({ optional: true }) permissions?: PermissionGrants;
}

export class PermissionDto {
  @ResponseField({ example: 'sales.customer.read' }) name: string;
  @ResponseField({ example: 'sales' }) module: string;
  @ResponseField({ example: 'customer' }) resource: string;
  @ResponseField({ example: 'read' }) action: string;
}
