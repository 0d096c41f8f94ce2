import type { OpportunityDto, OpportunityLineItemDto, OpportunityStatus } from '@kehu/contracts';
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
