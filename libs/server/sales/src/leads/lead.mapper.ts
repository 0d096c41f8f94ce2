import type { CustomerSource, LeadDto, LeadStatus } from '@kehu/contracts';
import type { Lead } from './lead.entity';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function toLeadDto(l: Lead): LeadDto {
  return {
    id: l.id,
    personName: l.personName,
    companyName: l.companyName,
    title: l.title,
    phone: l.phone,
    email: l.email,
    wechatId: l.wechatId,
    country: l.country,
    province: l.province,
    city: l.city,
    industry: l.industry,
    source: l.source as CustomerSource,
    campaignId: l.campaignId,
    status: l.status as LeadStatus,
    disqualifiedReason: l.disqualifiedReason,
    notes: l.notes,
    ownerId: l.ownerId,
    departmentId: l.departmentId,
    assignmentRuleId: l.assignmentRuleId,
    assignedAt: iso(l.assignedAt),
    lastContactedAt: iso(l.lastContactedAt),
    customFields: l.customFields,
    externalId: l.externalId,
    externalSource: l.externalSource,
    customerId: l.customerId,
    contactId: l.contactId,
    opportunityId: l.opportunityId,
    convertedAt: iso(l.convertedAt),
    webFormId: l.webFormId ?? null,
    duplicateOfId: l.duplicateOfId ?? null,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    createdBy: l.createdBy,
    version: l.version,
  };
}
