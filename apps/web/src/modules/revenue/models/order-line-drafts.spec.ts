import { describe, expect, it } from 'vitest';
import { OrderStatus, type OrderDto } from '@kehu/contracts';
import { blankLine, draftsOf, linesInput, productChoices } from './order-line-drafts';
import { linesEditable } from './order-status';

const order = {
  status: OrderStatus.CONFIRMED,
  lines: [
    { id: 'l1', position: 0, productId: 'p1', description: '专业版', quantity: 2, unitPrice: 1200, discountPercent: 10, lineTotal: 2160 },
    { id: 'l2', position: 1, productId: null, description: '实施服务', quantity: 1, unitPrice: 500, discountPercent: 0, lineTotal: 500 },
  ],
} as unknown as OrderDto;

describe('order line drafts', () => {
  it('round-trips a saved order: editing nothing sends the same lines back', () => {
    expect(linesInput(draftsOf(order))).toEqual([
      { productId: 'p1', description: '专业版', quantity: 2, unitPrice: 1200, discountPercent: 10 },
      { productId: undefined, description: '实施服务', quantity: 1, unitPrice: 500, discountPercent: 0 },
    ]);
  });

  it('leaves blank description and price to the server and sends an empty quantity as 0', () => {
    const line = { ...blankLine(), productId: 'p9', description: '  ', quantity: null };
    expect(linesInput([line])).toEqual([{ productId: 'p9', description: undefined, quantity: 0, unitPrice: undefined, discountPercent: 0 }]);
  });

  it('keeps a product the catalogue no longer offers pickable on the line that names it', () => {
    const active = [{ id: 'p2', code: 'CRM-STD', name: '标准版' }];
    expect(productChoices(active, order)).toEqual([
      { id: 'p2', label: 'CRM-STD 标准版' },
      { id: 'p1', label: '专业版' },
    ]);
    expect(productChoices(active)).toEqual([{ id: 'p2', label: 'CRM-STD 标准版' }]);
  });

  it('allows line edits only before payment', () => {
    expect(linesEditable(OrderStatus.PLACED)).toBe(true);
    expect(linesEditable(OrderStatus.CONFIRMED)).toBe(true);
    expect(linesEditable(OrderStatus.PAID)).toBe(false);
    expect(linesEditable(OrderStatus.CANCELLED)).toBe(false);
  });
});
