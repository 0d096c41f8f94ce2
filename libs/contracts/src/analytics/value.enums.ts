/**
 * RFM segments from recency (R) and frequency (F) scores 1–5 (5 = best):
 * R 4–5: F 4–5 champions, F 3 loyal, F 1–2 new · R 3: F 3–5 loyal, F 1–2 potential ·
 * R 1–2: F 4–5 cant_lose, F 3 at_risk · R 2, F 1–2 hibernating · R 1, F 1–2 lost.
 * `no_orders`: the customer has never had a paid order.
 */
export enum RfmSegment {
  CHAMPIONS = 'champions',
  LOYAL = 'loyal',
  POTENTIAL = 'potential',
  NEW = 'new',
  AT_RISK = 'at_risk',
  CANT_LOSE = 'cant_lose',
  HIBERNATING = 'hibernating',
  LOST = 'lost',
  NO_ORDERS = 'no_orders',
}

/** Dimensions of the revenue cube. */
export enum CubeDimension {
  PROVINCE = 'province',
  MONTH = 'month',
  QUARTER = 'quarter',
  YEAR = 'year',
  DEPARTMENT = 'department',
  OWNER = 'owner',
}

export enum CubeMeasure {
  REVENUE = 'revenue',
  ORDERS = 'orders',
}
