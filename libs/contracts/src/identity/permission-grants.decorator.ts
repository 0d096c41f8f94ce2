import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { DataScope } from '../auth/access.enum';
import { isPermission, PERMISSIONS } from './permissions.constant';

const scopes = Object.values(DataScope) as string[];

/** A `{ permission: scope }` map whose keys are known permissions and values data scopes. */
export function PermissionGrantsField(options: { optional?: boolean } = {}): PropertyDecorator {
  const validator = ValidateBy(
    {
      name: 'permissionGrants',
      validator: {
        validate: (value: unknown) =>
          value !== null && typeof value === 'object' && !Array.isArray(value) && Object.entries(value as object).every(([k, v]) => isPermission(k) && scopes.includes(v as string)),
        defaultMessage: () => `$property must map known permissions to one of ${scopes.join(', ')}`,
      },
    },
  );
  const doc = {
    type: 'object',
    description: 'Permission name → data scope.',
    properties: Object.fromEntries(PERMISSIONS.map((p) => [p, { type: 'string', enum: scopes }])),
    additionalProperties: false,
    example: { 'sales.customer.read': 'team' },
  } as const;
  return (target, key) => {
    validator(target, key);
    if (options.optional) {
      IsOptional()(target, key);
      ApiPropertyOptional(doc as never)(target, key);
    } else ApiProperty(doc as never)(target, key);
  };
}
