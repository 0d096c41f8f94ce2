import type { OrderDto, OrderLineInputDto } from '@kehu/contracts';
import type { OrderLineDraft } from './order-totals';

/** An empty line for the form. */
export const blankLine = (): OrderLineDraft => ({ productId: undefined, description: '', quantity: 1, unitPrice: null, discountPercent: 0 });

/** A saved order's lines, ready to edit in the form. */
export const draftsOf = (order: OrderDto): OrderLineDraft[] =>
  order.lines.map((l) => ({ productId: l.productId ?? undefined, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent }));

/**
 * What the API takes: blank text and an empty product become "not given" (the product's
 * name and the customer's price then come from the server); an empty price is left out
 * so the price list answers, an empty quantity is sent as 0 so the API names the field.
 */
export const linesInput = (lines: readonly OrderLineDraft[]): OrderLineInputDto[] =>
  lines.map((l) => ({
    productId: l.productId || undefined,
    description: l.description.trim() || undefined,
    quantity: l.quantity ?? 0,
    unitPrice: l.unitPrice ?? undefined,
    discountPercent: l.discountPercent ?? 0,
  }));
