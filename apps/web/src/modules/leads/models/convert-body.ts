import type { ConvertLeadDto, LeadAlreadyConvertedDto, LeadDto } from '@kehu/contracts';

/** What the convert dialog asks. */
export interface ConvertChoice {
  /** Create a customer from the lead, or link one that exists. */
  customer: 'new' | 'link';
  customerId: string;
  withOpportunity: boolean;
  opportunityName: string;
  amount: number | null;
}

export const defaultConvertChoice = (lead: Pick<LeadDto, 'companyName' | 'personName'>): ConvertChoice => ({
  customer: 'new',
  customerId: '',
  withOpportunity: false,
  opportunityName: `${lead.companyName || lead.personName}`.slice(0, 200),
  amount: null,
});

/**
 * The convertLead request: body and whether to pass `allowDuplicate`. A new customer is
 * created despite likely duplicates only after the user saw them (`duplicatesSeen`).
 */
export function convertRequest(choice: ConvertChoice, duplicatesSeen: boolean): { body: ConvertLeadDto; allowDuplicate: boolean } {
  const body: ConvertLeadDto = {};
  if (choice.customer === 'link' && choice.customerId) body.customerId = choice.customerId;
  if (choice.withOpportunity) {
    body.createOpportunity = { name: choice.opportunityName.trim() };
    if (choice.amount !== null && choice.amount !== undefined) body.createOpportunity.amount = choice.amount;
  }
  return { body, allowDuplicate: choice.customer === 'new' && duplicatesSeen };
}

/** Where the first conversion went (409 LEAD_ALREADY_CONVERTED), as links to open. */
export function conversionLinks(done: Partial<LeadAlreadyConvertedDto>): { kind: 'customer' | 'opportunity'; id: string; to: string }[] {
  const links: { kind: 'customer' | 'opportunity'; id: string; to: string }[] = [];
  if (done.customerId) links.push({ kind: 'customer', id: done.customerId, to: `/sales/customers/${done.customerId}` });
  if (done.opportunityId) links.push({ kind: 'opportunity', id: done.opportunityId, to: `/sales/opportunities/${done.opportunityId}` });
  return links;
}
