import { ErrorCode, OpportunityLimits, type OpportunityLineItemInputDto } from '@kehu/contracts';
import { DomainException } from '@kehu/server-core';

export interface ComputedLineItem {
  position: number;
  productName: string;
  productCode: string | null;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  lineTotal: number;
}

/** A validated number with at most `places` decimals as an exact integer of 10^-places units. */
const units = (n: number, places: number): bigint => BigInt(Math.round(n * 10 ** places));

/**
 * quantity × unitPrice × (1 − discount% / 100) per line, rounded half up to cents, in
 * exact integer arithmetic (no float drift); the amount is the sum of the line totals.
 */
export function computeLineItems(input: OpportunityLineItemInputDto[]): { items: ComputedLineItem[]; amount: number } {
  let sum = 0n;
  const items = input.map((l, position) => {
    const discount = l.discountPercent ?? 0;
    // quantity in 1e-4, price in cents, discount in 1e-2 %: the product is in 1e-8 cents.
    const raw = units(l.quantity, 4) * units(l.unitPrice, 2) * (10_000n - units(discount, 2));
    const cents = (raw + 50_000_000n) / 100_000_000n;
    sum += cents;
    return { position, productName: l.productName, productCode: l.productCode || null, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: discount, lineTotal: Number(cents) / 100 };
  });
  if (sum > units(OpportunityLimits.amountMax, 2)) {
    const message = `the line items add up to more than ${OpportunityLimits.amountMax}`;
    throw new DomainException(ErrorCode.VALIDATION_FAILED, message, { errors: [{ field: 'lineItems', rule: 'amountMax', message }] });
  }
  return { items, amount: Number(sum) / 100 };
}
