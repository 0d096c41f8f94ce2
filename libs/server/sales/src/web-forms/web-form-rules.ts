import { ErrorCode, WebFormOwnerMode, type WebFormFieldDto } from '@kehu/contracts';
import { DomainException, type FieldError } from '@kehu/server-core';
import type { CustomFieldDefinition } from '@kehu/server-customers';
import { User } from '@kehu/server-identity';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** 24 URL-safe characters (144 random bits): unguessable, short enough for an embed. */
export const newPublicKey = (): string => randomBytes(18).toString('base64url');

/** The form as it will be stored, checked as a whole (the DTOs check each member). */
export interface WebFormShape {
  fields: WebFormFieldDto[];
  ownerMode: string;
  ownerId: string | null;
  consentText: string | null;
  consentChannels: string[];
}

/**
 * A form must ask for the person's name (a lead needs one), show only active lead custom
 * fields, include every required one (else every submission would fail), name an active
 * owner for fixed ownership, and have a consent text when a ticked box records consents.
 */
export async function checkWebForm(m: EntityManager, shape: WebFormShape, leadFields: CustomFieldDefinition[]): Promise<void> {
  const errors: FieldError[] = [];
  const name = shape.fields.find((f) => f.key === 'personName');
  if (!name || !name.required) errors.push({ field: 'fields', rule: 'personName', message: 'fields must include personName, required' });
  const active = new Map(leadFields.filter((d) => d.active).map((d) => [d.key, d]));
  shape.fields.forEach((f, i) => {
    if (f.key.startsWith('cf.') && !active.has(f.key.slice(3))) errors.push({ field: `fields.${i}.key`, rule: 'customField', message: `fields.${i}.key ${f.key} is not an active lead custom field` });
  });
  for (const def of active.values()) {
    if (def.required && !shape.fields.some((f) => f.key === `cf.${def.key}` && f.required)) {
      errors.push({ field: 'fields', rule: 'requiredCustomField', message: `fields must include the required lead custom field cf.${def.key}, required` });
    }
  }
  if (shape.ownerMode === WebFormOwnerMode.FIXED) {
    if (!shape.ownerId) errors.push({ field: 'ownerId', rule: 'requiredWhenFixed', message: 'ownerId is required when ownerMode is fixed' });
    else if (!(await m.exists(User, { where: { id: shape.ownerId, active: true } }))) errors.push({ field: 'ownerId', rule: 'exists', message: 'ownerId does not name an active user' });
  }
  if (shape.consentChannels.length && !shape.consentText) errors.push({ field: 'consentText', rule: 'requiredWithChannels', message: 'consentText is required when consentChannels are set' });
  if (errors.length) throw new DomainException(ErrorCode.VALIDATION_FAILED, errors.map((e) => e.message).join('; '), { errors });
}
