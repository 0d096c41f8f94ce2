import { describe, expect, it } from 'vitest';
import { previewTotals } from './order-totals';

describe('previewTotals', () => {
  it('rounds each line half up to cents like the server', () => {
    const t = previewTotals([
      { description: 'a', quantity: 3, unitPrice: 1799.99, discountPercent: 10 },
      { description: 'b', quantity: 1.5, unitPrice: 0.1, discountPercent: null },
      { description: 'c', quantity: 0.3333, unitPrice: 100, discountPercent: 12.5 },
    ]);
    expect(t).toEqual({ lines: [4859.97, 0.15, 29.16], subtotal: 5433.45, discountTotal: 544.17, total: 4889.28 });
  });

  it('treats empty numbers as zero while typing', () => {
    expect(previewTotals([{ description: '', quantity: null, unitPrice: 5, discountPercent: null }]).total).toBe(0);
  });
});
