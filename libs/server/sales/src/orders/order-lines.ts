import type { OrderLineInputDto } from '@kehu/contracts';
import { RevenueLimits } from '@kehu/contracts';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { PriceResolver } from '../price-lists/price-resolver';
import { Product } from '../products/product.entity';
import { fieldError } from '@kehu/server-core';

export interface ComputedOrderLine {
  position: number;
  productId: string | null;
  description: string;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  lineTotal: number;
}

export interface ComputedOrder {
  lines: ComputedOrderLine[];
  currency: string;
  subtotal: number;
  discountTotal: number;
  total: number;
}

/** A validated number with at most `places` decimals as an exact integer of 10^-places units. */
const units = (n: number, places: number): bigint => BigInt(Math.round(n * 10 ** places));
const cents = (c: bigint): number => Number(c) / 100;

/**
 * Fills lines from the catalogue (description = product name; unit price = the customer's
 * price-list price, else the list price) and computes, in exact integer arithmetic:
 * line gross = quantity × unitPrice and line total = gross × (1 − discount% / 100), each
 * rounded half up to cents; subtotal = Σ gross, total = Σ line totals, discount = the
 * difference. The client's totals are never read.
 */
export async function computeOrder(m: EntityManager, resolver: PriceResolver, customerId: string, input: OrderLineInputDto[], currency: string | undefined): Promise<ComputedOrder> {
  const productIds = [...new Set(input.map((l) => l.productId).filter((x): x is string => !!x))];
  const products = new Map((productIds.length ? await m.find(Product, { where: { id: In(productIds) } }) : []).map((p) => [p.id, p]));
  const prices = await resolver.resolve(m, customerId, productIds.filter((id) => products.has(id)));
  const orderCurrency = currency ?? input.map((l) => (l.productId ? products.get(l.productId)?.currency : undefined)).find(Boolean) ?? 'CNY';
  let subtotal = 0n;
  let total = 0n;
  const lines = input.map((l, position) => {
    const field = `lines[${position}]`;
    const product = l.productId ? products.get(l.productId) : undefined;
    if (l.productId && !product) throw fieldError(`${field}.productId`, 'exists', 'productId does not name a product');
    if (product && !product.active) throw fieldError(`${field}.productId`, 'active', 'the product is not active');
    const description = l.description ?? product?.name;
    if (!description) throw fieldError(`${field}.description`, 'required', 'description is required without productId');
    let unitPrice = l.unitPrice;
    if (unitPrice === undefined) {
      if (!product) throw fieldError(`${field}.unitPrice`, 'required', 'unitPrice is required without productId');
      if (product.currency !== orderCurrency) throw fieldError(`${field}.unitPrice`, 'currency', `the product is priced in ${product.currency}, the order in ${orderCurrency}; send unitPrice`);
      unitPrice = prices.get(product.id)?.price ?? product.listPrice;
    }
    const discount = l.discountPercent ?? 0;
    // quantity in 1e-4, price in cents: gross in 1e-4 cents; × discount in 1e-4 (1e-2 %) → 1e-8 cents.
    const gross = units(l.quantity, 4) * units(unitPrice, 2);
    const grossCents = (gross + 5_000n) / 10_000n;
    const lineCents = (gross * (10_000n - units(discount, 2)) + 50_000_000n) / 100_000_000n;
    subtotal += grossCents;
    total += lineCents;
    return { position, productId: product?.id ?? null, description, quantity: l.quantity, unitPrice, discountPercent: discount, lineTotal: cents(lineCents) };
  });
  if (subtotal > units(RevenueLimits.moneyMax, 2)) throw fieldError('lines', 'amountMax', `the lines add up to more than ${RevenueLimits.moneyMax}`);
  return { lines, currency: orderCurrency, subtotal: cents(subtotal), discountTotal: cents(subtotal - total), total: cents(total) };
}
