import { CaseChannel, CasePriority, CaseType, type CaseDto, type CreateCaseDto, type UpdateCaseDto } from '@kehu/contracts';

export interface CaseFormValues {
  customerId: string;
  customerName: string;
  contactId: string;
  subject: string;
  description: string;
  type: CaseType;
  priority: CasePriority;
  channel: CaseChannel;
  ownerId: string;
}

export const emptyCaseForm = (preset: Partial<CaseFormValues> = {}): CaseFormValues => ({
  customerId: '',
  customerName: '',
  contactId: '',
  subject: '',
  description: '',
  type: CaseType.REQUEST,
  priority: CasePriority.NORMAL,
  channel: CaseChannel.PHONE,
  ownerId: '',
  ...preset,
});

export const formFromCase = (c: CaseDto): CaseFormValues => ({
  customerId: c.customerId,
  customerName: c.customerName ?? '',
  contactId: c.contactId ?? '',
  subject: c.subject,
  description: c.description ?? '',
  type: c.type,
  priority: c.priority,
  channel: c.channel,
  ownerId: c.ownerId,
});

/** The create body: blank optional fields left out (the owner is then the creator). */
export function createCaseBody(v: CaseFormValues): CreateCaseDto {
  return {
    customerId: v.customerId,
    contactId: v.contactId || undefined,
    subject: v.subject.trim(),
    description: v.description.trim() || undefined,
    type: v.type,
    priority: v.priority,
    channel: v.channel,
    ownerId: v.ownerId || undefined,
  };
}

/** Only what changed (a priority change recomputes the SLA clocks, so it is not sent needlessly). */
export function updateCaseBody(v: CaseFormValues, before: CaseDto): UpdateCaseDto {
  const out: UpdateCaseDto = {};
  if (v.subject.trim() !== before.subject) out.subject = v.subject.trim();
  if ((v.description.trim() || null) !== before.description) out.description = v.description.trim() || null;
  if (v.type !== before.type) out.type = v.type;
  if (v.priority !== before.priority) out.priority = v.priority;
  if (v.channel !== before.channel) out.channel = v.channel;
  if ((v.contactId || null) !== before.contactId) out.contactId = v.contactId || null;
  return out;
}
