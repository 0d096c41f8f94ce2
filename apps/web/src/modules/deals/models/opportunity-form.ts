import type { CreateOpportunityDto, OpportunityDto, UpdateOpportunityDto } from '@kehu/contracts';
import { lineItemsBody, type LineItemDraft } from './line-items';

/** What the opportunity form edits. */
export interface OpportunityFormValues {
  customerId: string;
  customerName: string;
  name: string;
  pipelineId: string;
  stageId: string;
  amount: number | null;
  currency: string;
  expectedCloseDate: string;
  competitor: string;
  nextStep: string;
  ownerId: string;
  probability: number | null;
  lostReason: string;
  lineItems: LineItemDraft[];
}

export const emptyOpportunityForm = (over: Partial<OpportunityFormValues> = {}): OpportunityFormValues => ({
  customerId: '',
  customerName: '',
  name: '',
  pipelineId: '',
  stageId: '',
  amount: null,
  currency: 'CNY',
  expectedCloseDate: '',
  competitor: '',
  nextStep: '',
  ownerId: '',
  probability: null,
  lostReason: '',
  lineItems: [],
  ...over,
});

export function formFromOpportunity(opportunity: OpportunityDto, customerName: string): OpportunityFormValues {
  return emptyOpportunityForm({
    customerId: opportunity.customerId,
    customerName,
    name: opportunity.name,
    pipelineId: opportunity.pipelineId,
    stageId: opportunity.stageId,
    amount: opportunity.amount,
    currency: opportunity.currency,
    expectedCloseDate: opportunity.expectedCloseDate ?? '',
    competitor: opportunity.competitor ?? '',
    nextStep: opportunity.nextStep ?? '',
    ownerId: opportunity.ownerId,
    probability: opportunity.probabilityOverride,
    lostReason: opportunity.lostReason ?? '',
    lineItems: opportunity.lineItems.map((item) => ({
      productName: item.productName,
      productCode: item.productCode ?? '',
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      discountPercent: item.discountPercent,
    })),
  });
}

const text = (value: string) => value.trim() || undefined;

/** A new opportunity: the amount is sent only without line items (the server sums them). */
export function createBody(values: OpportunityFormValues, lostStage: boolean): CreateOpportunityDto {
  const lines = values.lineItems.length > 0;
  return {
    customerId: values.customerId,
    name: values.name.trim(),
    ...(values.pipelineId ? { pipelineId: values.pipelineId } : {}),
    ...(values.stageId ? { stageId: values.stageId } : {}),
    ...(lines ? { lineItems: lineItemsBody(values.lineItems) } : values.amount !== null ? { amount: values.amount } : {}),
    ...(values.currency ? { currency: values.currency } : {}),
    ...(values.expectedCloseDate ? { expectedCloseDate: values.expectedCloseDate } : {}),
    ...(text(values.competitor) ? { competitor: text(values.competitor) } : {}),
    ...(text(values.nextStep) ? { nextStep: text(values.nextStep) } : {}),
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    ...(values.probability !== null ? { probability: values.probability } : {}),
    ...(lostStage && text(values.lostReason) ? { lostReason: text(values.lostReason) } : {}),
  };
}

/**
 * An edit: blanks clear (null). With line items the amount is theirs; removing all lines sends
 * `lineItems: []` with the amount typed.
 */
export function updateBody(values: OpportunityFormValues, before: OpportunityDto): UpdateOpportunityDto {
  const lines = values.lineItems.length > 0;
  const hadLines = before.lineItems.length > 0;
  return {
    name: values.name.trim(),
    ...(lines ? { lineItems: lineItemsBody(values.lineItems) } : hadLines ? { lineItems: [], amount: values.amount ?? 0 } : { amount: values.amount ?? 0 }),
    currency: values.currency,
    expectedCloseDate: values.expectedCloseDate || null,
    competitor: text(values.competitor) ?? null,
    nextStep: text(values.nextStep) ?? null,
    ...(values.ownerId && values.ownerId !== before.ownerId ? { ownerId: values.ownerId } : {}),
    probability: values.probability,
    ...(before.status === 'lost' && text(values.lostReason) && text(values.lostReason) !== before.lostReason ? { lostReason: text(values.lostReason) } : {}),
  };
}
