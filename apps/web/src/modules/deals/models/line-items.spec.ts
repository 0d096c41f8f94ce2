import { describe, expect, it } from 'vitest';
import { itemsTotal, lineItemsBody, lineTotal } from './line-items';

describe('line item totals (the server computes the amount; the form shows the same)', () => {
  it('multiplies quantity by unit price less the discount', () => {
    expect(lineTotal({ quantity: 10, unitPrice: 1200, discountPercent: 5 })).toBe(11400);
    expect(lineTotal({ quantity: 3, unitPrice: 19.99, discountPercent: 0 })).toBe(59.97);
  });

  it('rounds half up to cents without floating-point drift', () => {
    // 1.005 × 1 would be 1.00 in naive float rounding.
    expect(lineTotal({ quantity: 1, unitPrice: 1.01, discountPercent: 50 })).toBe(0.51); // 0.505 → 0.51
    expect(lineTotal({ quantity: 0.3333, unitPrice: 3, discountPercent: 0 })).toBe(1); // 0.9999 → 1.00
    expect(lineTotal({ quantity: 1.5, unitPrice: 0.07, discountPercent: 0 })).toBe(0.11); // 0.105 → 0.11
  });

  it('counts blank or zero values as nothing, a full discount as free', () => {
    expect(lineTotal({ quantity: null, unitPrice: 5 })).toBe(0);
    expect(lineTotal({ quantity: 2, unitPrice: null })).toBe(0);
    expect(lineTotal({ quantity: 2, unitPrice: 5, discountPercent: 100 })).toBe(0);
  });

  it('sums the lines to the cent and keeps large amounts exact', () => {
    const items = [
      { productName: 'A', quantity: 3, unitPrice: 0.1, discountPercent: 0 },
      { productName: 'B', quantity: 1, unitPrice: 0.2, discountPercent: 0 },
    ];
    expect(itemsTotal(items)).toBe(0.5);
    expect(itemsTotal([{ productName: 'Big', quantity: 1000, unitPrice: 999_999_999.99, discountPercent: 0 }])).toBe(999_999_999_990);
    expect(itemsTotal([])).toBe(0);
  });

  it('builds the API body: trimmed names, no blank code, discount 0 by default', () => {
    expect(lineItemsBody([{ productName: ' CRM ', productCode: ' ', quantity: 2, unitPrice: 5, discountPercent: null }])).toEqual([
      { productName: 'CRM', quantity: 2, unitPrice: 5, discountPercent: 0 },
    ]);
  });
});
