import { BooleanField, NestedField, NumberField, ResponseField, StringArrayField, StringField, UuidField } from '../common/fields.decorator';
import { MaxDecimals, RevenueLimits } from './money.decorator';

export class PriceListItemInputDto {
  @UuidField() productId: string;
  @NumberField({ min: 0, max: RevenueLimits.moneyMax, example: 10800 }) @MaxDecimals(2) price: number;
}

export class PriceListItemDto {
  @ResponseField({ format: 'uuid' }) productId: string;
  @ResponseField({ type: 'number' }) price: number;
}

/**
 * Prices for customers of some grades and/or provinces. Empty grades (or provinces) means
 * any. A customer matches an active list of the product's currency; the most specific
 * list wins (grade and province > one of them > neither), then the highest priority.
 */
export class PriceListDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'A 类客户价' }) name: string;
  @ResponseField({ example: 'CNY' }) currency: string;
  @ResponseField({ type: [String], example: ['A'] }) grades: string[];
  @ResponseField({ type: [String], example: ['上海'] }) provinces: string[];
  @ResponseField({ type: 'integer' }) priority: number;
  @ResponseField() active: boolean;
  /** Empty in lists. */
  @ResponseField({ type: [PriceListItemDto] }) items: PriceListItemDto[];
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField() version: number;
}

export class CreatePriceListDto {
  @StringField({ maxLength: 100, minLength: 1 }) name: string;
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  /** Customer grades A–D; empty = any grade. */
  @StringArrayField({ optional: true, maxSize: 4, itemMaxLength: 1 }) grades?: string[];
  /** Provinces as customers store them; empty = anywhere. */
  @StringArrayField({ optional: true, maxSize: 50, itemMaxLength: 50 }) provinces?: string[];
  @NumberField({ optional: true, int: true, min: 0, max: 1000 }) priority?: number;
  @BooleanField({ optional: true }) active?: boolean;
  @NestedField(() => PriceListItemInputDto, { optional: true, each: true, maxSize: RevenueLimits.priceListItemsMax }) items?: PriceListItemInputDto[];
}

/** items replaces all items when sent. */
export class UpdatePriceListDto {
  @StringField({ optional: true, maxLength: 100, minLength: 1 }) name?: string;
  @StringField({ optional: true, maxLength: 3, pattern: /^[A-Z]{3}$/ }) currency?: string;
  @StringArrayField({ optional: true, maxSize: 4, itemMaxLength: 1 }) grades?: string[];
  @StringArrayField({ optional: true, maxSize: 50, itemMaxLength: 50 }) provinces?: string[];
  @NumberField({ optional: true, int: true, min: 0, max: 1000 }) priority?: number;
  @BooleanField({ optional: true }) active?: boolean;
  @NestedField(() => PriceListItemInputDto, { optional: true, each: true, maxSize: RevenueLimits.priceListItemsMax }) items?: PriceListItemInputDto[];
}

export class ResolvePriceQuery {
  @UuidField() customerId: string;
  @UuidField() productId: string;
}

export class ResolvedPriceDto {
  @ResponseField({ format: 'uuid' }) productId: string;
  @ResponseField({ type: 'number' }) price: number;
  @ResponseField() currency: string;
  /** The price list that gave the price; null = the product's list price. */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) priceListId: string | null;
}
