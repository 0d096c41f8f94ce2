import { Limits } from '../common/limits.constant';
import { DateTimeField, NumberField, ResponseField, StringField } from '../common/fields.decorator';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { PERMISSIONS } from './permissions.constant';

export class ApiKeyDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'ERP sync' }) name: string;
  /** First characters of the key, to recognise it (`kehu_ab12cd…`). */
  @ResponseField({ example: 'kehu_ab12cd' }) prefix: string;
  /** Permissions the key holds, each with its owner's current data scope (all for an admin); never more than the owner holds. */
  @ResponseField({ type: [String] }) scopes: string[];
  @ResponseField({ description: 'Requests per minute before 429.' }) rateLimitPerMinute: number;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  /** Records the key creates are owned by this user. */
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ format: 'date-time' }) createdAt: string;
}

/** Returned once, at creation: the secret is never shown again. */
export class CreatedApiKeyDto extends ApiKeyDto {
  @ResponseField({ description: 'The bearer token. Store it now; only its hash is kept.' }) secret: string;
}

export class CreateApiKeyDto {
  @StringField({ maxLength: Limits.nameMaxLength, minLength: 1 }) name: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PERMISSIONS.length)
  @IsIn(PERMISSIONS as unknown as string[], { each: true })
  @ApiProperty({ type: [String], enum: PERMISSIONS, description: 'Permission names the key may use.' })
  scopes: string[];
  @DateTimeField({ optional: true }) expiresAt?: string;
  @NumberField({ optional: true, int: true, min: 1, max: 100_000, example: 600 }) rateLimitPerMinute?: number;
}
