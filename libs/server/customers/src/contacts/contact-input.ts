import { type CreateContactDto, type UpdateContactDto } from '@kehu/contracts';
import { fieldError } from '@kehu/server-core';
import { normalizeEmail, normalizePhone, normalizeText } from '../data-quality/normalize';
import type { Contact } from './contact.entity';

const textFields = ['name', 'title', 'department', 'wechatId', 'externalId', 'externalSource'] as const;
const plainFields = ['birthday', 'isPrimary', 'preferredChannel', 'preferredHours'] as const;

/**
 * The stored form of a create/update body: half-width trimmed text, each phone in E.164
 * (400 naming `phones.N` when one cannot be), e-mails lower-cased, both de-duplicated.
 * Only the fields the body names are returned.
 */
export function normalizeContactInput(dto: CreateContactDto | UpdateContactDto, defaultRegion: string): Partial<Contact> {
  const d = dto as Record<string, any>;
  const out: Record<string, unknown> = {};
  for (const f of textFields) if (d[f] !== undefined) out[f] = d[f] === null ? null : normalizeText(d[f]) || null;
  if (d.name !== undefined && !out.name) throw fieldError('name', 'isNotEmpty', 'name must not be empty');
  if (d.notes !== undefined) out.notes = d.notes === null ? null : String(d.notes).trim() || null;
  if (d.phones !== undefined) {
    out.phones = unique(
      (d.phones as string[]).map((raw, i) => {
        const phone = normalizePhone(raw, defaultRegion);
        if (!phone) throw fieldError(`phones.${i}`, 'isPhone', `phones.${i} is not a valid phone number`);
        return phone;
      }),
    );
  }
  if (d.emails !== undefined) out.emails = unique((d.emails as string[]).map(normalizeEmail));
  for (const f of plainFields) if (d[f] !== undefined) out[f] = d[f];
  if (d.customerId !== undefined) out.customerId = d.customerId;
  return out as Partial<Contact>;
}

const unique = (values: string[]) => [...new Set(values)];
