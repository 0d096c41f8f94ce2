/** A line of the quote as edited in the form (numbers may be blank while typing). */
export interface LineItemDraft {
  productName: string;
  productCode?: string;
  quantity: number | null;
  unitPrice: number | null;
  discountPercent?: number | null;
}

const scaled = (value: number | null | undefined, places: number): bigint => BigInt(Math.round((value ?? 0) * 10 ** places));

/**
 * quantity × unitPrice × (1 − discountPercent / 100), rounded half up to cents — the server's
 * rule, in exact integer arithmetic (quantity has 4 decimals, price and discount 2).
 */
export function lineTotal(item: Pick<LineItemDraft, 'quantity' | 'unitPrice' | 'discountPercent'>): number {
  const quantity = scaled(item.quantity, 4);
  const cents = scaled(item.unitPrice, 2);
  const keep = 10_000n - scaled(item.discountPercent, 2); // of 100.00 %
  if (quantity <= 0n || cents <= 0n || keep <= 0n) return 0;
  const numerator = quantity * cents * keep; // cents × 10^4 (quantity) × 10^4 (percent)
  const denominator = 100_000_000n;
  const rounded = (numerator * 2n + denominator) / (2n * denominator);
  return Number(rounded) / 100;
}

/** Σ line totals, to the cent (what the server will store as the amount). */
export function itemsTotal(items: readonly LineItemDraft[]): number {
  const cents = items.reduce((sum, item) => sum + Math.round(lineTotal(item) * 100), 0);
  return cents / 100;
}

export const blankLineItem = (): LineItemDraft => ({ productName: '', productCode: '', quantity: 1, unitPrice: null, discountPercent: 0 });

/** The line items as the API takes them: blanks dropped, discount defaulted. */
export function lineItemsBody(items: readonly LineItemDraft[]) {
  return items.map((item) => ({
    productName: item.productName.trim(),
    ...(item.productCode?.trim() ? { productCode: item.productCode.trim() } : {}),
    quantity: item.quantity as number,
    unitPrice: item.unitPrice as number,
    discountPercent: item.discountPercent ?? 0,
  }));
}
