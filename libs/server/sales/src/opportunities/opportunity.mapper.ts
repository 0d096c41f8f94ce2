import type { OpportunityCardDto, OpportunityDto, OpportunityLineItemDto, OpportunityStatus } from '@kehu/contracts';
import type { Opportunity, OpportunityLineItem } from './opportunity.entity';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** The effective probability: the override, else the stage's (the stage must be loaded). */
export const probabilityOf = (o: Opportunity): number => o.probabilityOverride ?? o.stage?.probability ?? 0;

export function toLineItemDto(l: OpportunityLineItem): OpportunityLineItemDto {
  return { id: l.id, position: l.position, productName: l.productName, productCode: l.productCode, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, lineTotal: l.lineTotal };
}

/** `o.stage` must be loaded (for the probability). */
export function toOpportunityDto(o: Opportunity, lineItems: OpportunityLineItem[] = []): OpportunityDto {
  return {
    id: o.id,
    name: o.name,
    customerId: o.customerId,
    contactId: o.contactId,
    leadId: o.leadId,
    pipelineId: o.pipelineId,
    stageId: o.stageId,
    status: o.status as OpportunityStatus,
    amount: o.amount,
    currency: o.currency,
    expectedCloseDate: o.expectedCloseDate,
    probability: probabilityOf(o),
    probabilityOverride: o.probabilityOverride,
    competitor: o.competitor,
    nextStep: o.nextStep,
    lostReason: o.lostReason,
    wonAt: iso(o.wonAt),
    lostAt: iso(o.lostAt),
    stageEnteredAt: o.stageEnteredAt.toISOString(),
    ownerId: o.ownerId,
    departmentId: o.departmentId,
    customFields: o.customFields,
    lineItems: [...lineItems].sort((a, b) => a.position - b.position).map(toLineItemDto),
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    createdBy: o.createdBy,
    version: o.version,
  };
}

/** A board card's row as `OpportunitiesRepository` selects it (raw: a board answers 100+ cards). */
export interface CardRow {
  id: string;
  name: string;
  customer_id: string;
  customer_name: string;
  stage_id: string;
  status: string;
  amount: string;
  currency: string;
  probability: number;
  expected_close_date: string | null;
  owner_id: string;
  updated_at: string;
  version: number;
}

export function toCardFromRow(r: CardRow): OpportunityCardDto {
  return {
    id: r.id,
    name: r.name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    stageId: r.stage_id,
    status: r.status as OpportunityStatus,
    amount: Number(r.amount),
    currency: r.currency,
    probability: r.probability,
    expectedCloseDate: r.expected_close_date,
    ownerId: r.owner_id,
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}
