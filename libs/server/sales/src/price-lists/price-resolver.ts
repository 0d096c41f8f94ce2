import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ResolvedPrice {
  price: number;
  currency: string;
  priceListId: string | null;
}

/**
 * The customer's price for a product: the best matching active price list of the
 * product's currency that lists it — a list matches when its grades (empty = any) hold the
 * customer's grade and its provinces (empty = any) the customer's province; more specific
 * lists win (grade and province > one of them > neither), then higher priority, then the
 * newest. Without one, the product's list price. One query per product set.
 */
@Injectable()
export class PriceResolver {
  async resolve(m: EntityManager, customerId: string, productIds: string[]): Promise<Map<string, ResolvedPrice>> {
    if (!productIds.length) return new Map();
    const rows: { productId: string; listPrice: string; currency: string; price: string | null; priceListId: string | null }[] = await m.query(
      `SELECT p.id AS "productId", p.list_price AS "listPrice", p.currency, best.price, best.price_list_id AS "priceListId"
         FROM products p
         LEFT JOIN customers c ON c.id = $1
         LEFT JOIN LATERAL (
           SELECT i.price, i.price_list_id
             FROM price_list_items i JOIN price_lists l ON l.id = i.price_list_id
            WHERE i.product_id = p.id AND l.active AND l.currency = p.currency
              AND (cardinality(l.grades) = 0 OR c.grade = ANY(l.grades))
              AND (cardinality(l.provinces) = 0 OR c.province = ANY(l.provinces))
            ORDER BY (cardinality(l.grades) > 0)::int + (cardinality(l.provinces) > 0)::int DESC, l.priority DESC, l.updated_at DESC, l.id
            LIMIT 1) best ON true
        WHERE p.id = ANY($2) AND p.deleted_at IS NULL`,
      [customerId, productIds],
    );
    return new Map(rows.map((r) => [r.productId, { price: Number(r.price ?? r.listPrice), currency: r.currency, priceListId: r.priceListId }]));
  }
}
