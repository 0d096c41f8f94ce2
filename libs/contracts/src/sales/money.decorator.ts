import { IsNumber } from 'class-validator';

/** At most `places` digits after the decimal point (money: 2, quantity: 4, percent: 2). */
export function MaxDecimals(places: number): PropertyDecorator {
  return IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: places }, { message: `$property must have at most ${places} decimal places` });
}

/** Limits shared by products, price lists, orders and commissions (营收). */
export const RevenueLimits = {
  /** numeric(14,2): 12 digits before the point. */
  moneyMax: 999_999_999_999.99,
  quantityMax: 1_000_000_000,
  codeMaxLength: 64,
  nameMaxLength: 200,
  unitMaxLength: 20,
  descriptionMaxLength: 500,
  noteMaxLength: 500,
  externalIdMaxLength: 100,
  externalSourceMaxLength: 40,
  orderLinesMax: 200,
  priceListItemsMax: 1000,
  searchMaxLength: 100,
} as const;
