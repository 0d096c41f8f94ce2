import { LeadStatus, type CreateLeadDto, type UpdateLeadDto } from '@kehu/contracts';
import { fieldError } from '@kehu/server-core';
import { normalizeEmail, normalizePhone, normalizeText } from '@kehu/server-customers';
import type { Lead } from './lead.entity';

const textFields = ['personName', 'companyName', 'title', 'wechatId', 'province', 'city', 'industry', 'externalId', 'externalSource'] as const;

/**
 * The write normalisation of a lead, shared by the API and imports: trimmed half-width
 * text, E.164 phone (400 naming phone), lower-case e-mail; only the fields the input names.
 */
export function normalizeLeadInput(dto: CreateLeadDto | UpdateLeadDto, defaultPhoneRegion: string): Partial<Lead> {
  const d = dto as Record<string, any>;
  const out: Record<string, unknown> = {};
  for (const f of textFields) if (d[f] !== undefined) out[f] = d[f] === null ? null : normalizeText(d[f]) || null;
  if (d.personName !== undefined && !out.personName) throw fieldError('personName', 'isNotEmpty', 'personName must not be empty');
  if (d.phone !== undefined) {
    if (d.phone === null || d.phone === '') out.phone = null;
    else {
      const phone = normalizePhone(d.phone, defaultPhoneRegion);
      if (!phone) throw fieldError('phone', 'isPhone', 'phone is not a valid phone number');
      out.phone = phone;
    }
  }
  if (d.email !== undefined) out.email = d.email ? normalizeEmail(d.email) : null;
  if (d.country !== undefined) out.country = d.country ? String(d.country).toUpperCase() : null;
  for (const f of ['notes', 'disqualifiedReason'] as const) if (d[f] !== undefined) out[f] = d[f] === null ? null : String(d[f]).trim() || null;
  for (const f of ['source', 'campaignId', 'status'] as const) if (d[f] !== undefined) out[f] = d[f];
  return out as Partial<Lead>;
}

/** A disqualified lead needs its reason; `converted` is only set by converting. */
export function checkLeadStatus(status: LeadStatus, reason: string | null | undefined): void {
  if (status === LeadStatus.CONVERTED) throw fieldError('status', 'notConverted', 'status converted is set by converting the lead');
  if (status === LeadStatus.DISQUALIFIED && !reason) throw fieldError('disqualifiedReason', 'requiredWhenDisqualified', 'disqualifiedReason is required when status is disqualified');
}
