/** A line as edited in the order form (numbers may still be empty while typing). */
export interface OrderLineDraft {
  productId?: string;
  description: string;
  quantity: number | null;
  unitPrice: number | null;
  discountPercent: number | null;
}

export interface OrderTotals {
  lines: number[];
  subtotal: number;
  discountTotal: number;
  total: number;
}

const units = (n: number | null, places: number): bigint => BigInt(Math.round((n ?? 0) * 10 ** places));

/**
 * The preview the form shows while typing — the same integer arithmetic the server uses
 * (gross = quantity × unitPrice, line = gross × (1 − discount%), each rounded half up to
 * cents). The server's answer is the truth; this only keeps the preview honest.
 */
export function previewTotals(lines: OrderLineDraft[]): OrderTotals {
  let subtotal = 0n;
  let total = 0n;
  const out = lines.map((l) => {
    const gross = units(l.quantity, 4) * units(l.unitPrice, 2);
    const grossCents = (gross + 5_000n) / 10_000n;
    const lineCents = (gross * (10_000n - units(l.discountPercent, 2)) + 50_000_000n) / 100_000_000n;
    subtotal += grossCents;
    total += lineCents;
    return Number(lineCents) / 100;
  });
  return { lines: out, subtotal: Number(subtotal) / 100, discountTotal: Number(subtotal - total) / 100, total: Number(total) / 100 };
}
