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

/**
 * The product options of the line picker: the active catalogue, plus any product an existing
 * order's line still names that is no longer offered (switched off or deleted) — labelled
 * with the line's text, so an edited order shows it instead of a bare id.
 */
export function productChoices(products: readonly { id: string; code: string; name: string }[], order?: OrderDto | null): { id: string; label: string }[] {
  const choices = products.map((p) => ({ id: p.id, label: `${p.code} ${p.name}` }));
  const known = new Set(choices.map((c) => c.id));
  for (const line of order?.lines ?? []) {
    if (line.productId && !known.has(line.productId)) {
      known.add(line.productId);
      choices.push({ id: line.productId, label: line.description });
    }
  }
  return choices;
}
