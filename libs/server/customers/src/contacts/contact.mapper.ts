import { ContactChannel, ConsentStatus, type ContactConsentDto, type ContactDto } from '@kehu/contracts';
import type { ContactConsent } from './contact-consent.entity';
import type { Contact } from './contact.entity';

const channels = Object.values(ContactChannel);

/** Every channel in a fixed order; a channel without a row is `unknown`. */
export function toConsentDtos(rows: ContactConsent[]): ContactConsentDto[] {
  const byChannel = new Map(rows.map((r) => [r.channel, r]));
  return channels.map((channel) => {
    const r = byChannel.get(channel);
    return { channel, status: (r?.status as ConsentStatus) ?? ConsentStatus.UNKNOWN, source: r?.source ?? null, changedAt: r?.changedAt.toISOString() ?? null };
  });
}

export function toContactDto(c: Contact, consents: ContactConsent[]): ContactDto {
  return {
    id: c.id,
    customerId: c.customerId,
    name: c.name,
    title: c.title,
    department: c.department,
    phones: c.phones,
    emails: c.emails,
    wechatId: c.wechatId,
    birthday: c.birthday,
    isPrimary: c.isPrimary,
    ownerId: c.ownerId,
    departmentId: c.departmentId,
    preferredChannel: c.preferredChannel as ContactChannel | null,
    preferredHours: c.preferredHours,
    consents: toConsentDtos(consents),
    notes: c.notes,
    externalId: c.externalId,
    externalSource: c.externalSource,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}
