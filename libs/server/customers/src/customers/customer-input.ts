import { type CreateCustomerDto, type UpdateCustomerDto } from '@kehu/contracts';
import { fieldError } from '@kehu/server-core';
import { companyKey } from '../data-quality/company-key';
import { normalizeEmail, normalizePhone, normalizeText } from '../data-quality/normalize';
import type { Customer } from './customer.entity';

const textFields = ['name', 'shortName', 'industry', 'province', 'city', 'address', 'website'] as const;

/**
 * The write normalisation of a customer, shared by the API and imports: trimmed half-width
 * text, E.164 phone, lower-case e-mail, company key; 400 naming the field when a value
 * cannot be normalised. Only the fields the input names come back.
 */
export function normalizeCustomerInput(dto: CreateCustomerDto | UpdateCustomerDto, defaultPhoneRegion: string): Partial<Customer> {
  const d = dto as Record<string, any>;
  const out: Record<string, any> = {};
  for (const f of textFields) if (d[f] !== undefined) out[f] = d[f] === null ? null : normalizeText(d[f]) || null;
  if (d.name !== undefined) {
    if (!out.name) throw fieldError('name', 'isNotEmpty', 'name must not be empty');
    out.nameKey = companyKey(out.name);
  }
  if (d.phone !== undefined) {
    if (d.phone === null || d.phone === '') out.phone = null;
    else {
      const phone = normalizePhone(d.phone, defaultPhoneRegion);
      if (!phone) throw fieldError('phone', 'isPhone', 'phone is not a valid phone number');
      out.phone = phone;
    }
  }
  if (d.email !== undefined) out.email = d.email ? normalizeEmail(d.email) : null;
  if (d.country !== undefined) out.country = d.country ? d.country.toUpperCase() : null;
  for (const f of ['kind', 'source', 'lifecycleStage', 'grade', 'externalId', 'externalSource', 'nextFollowUpOn', 'referredByCustomerId'] as const) if (d[f] !== undefined) out[f] = d[f];
  if (d.tags !== undefined) out.tags = [...new Set((d.tags as string[]).map(normalizeText).filter(Boolean))];
  return out as Partial<Customer>;
}
