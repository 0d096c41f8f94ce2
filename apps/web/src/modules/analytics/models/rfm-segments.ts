import { RfmSegment, type RfmCellDto } from '@kehu/contracts';

/** Segments best first, each with the colour it has in every chart and tag. */
export const SEGMENT_ORDER: RfmSegment[] = [
  RfmSegment.CHAMPIONS,
  RfmSegment.LOYAL,
  RfmSegment.POTENTIAL,
  RfmSegment.NEW,
  RfmSegment.AT_RISK,
  RfmSegment.CANT_LOSE,
  RfmSegment.HIBERNATING,
  RfmSegment.LOST,
  RfmSegment.NO_ORDERS,
];

export const SEGMENT_COLORS: Record<RfmSegment, string> = {
  [RfmSegment.CHAMPIONS]: '#1f9d55',
  [RfmSegment.LOYAL]: '#52c41a',
  [RfmSegment.POTENTIAL]: '#13c2c2',
  [RfmSegment.NEW]: '#409eff',
  [RfmSegment.AT_RISK]: '#fa8c16',
  [RfmSegment.CANT_LOSE]: '#f5222d',
  [RfmSegment.HIBERNATING]: '#a0a0a0',
  [RfmSegment.LOST]: '#606266',
  [RfmSegment.NO_ORDERS]: '#dcdfe6',
};

/** The segment of a cell of the R × F grid (the same rule the server applies). */
export function segmentOf(r: number, f: number): RfmSegment {
  if (r >= 4) return f >= 4 ? RfmSegment.CHAMPIONS : f === 3 ? RfmSegment.LOYAL : RfmSegment.NEW;
  if (r === 3) return f >= 3 ? RfmSegment.LOYAL : RfmSegment.POTENTIAL;
  if (f >= 4) return RfmSegment.CANT_LOSE;
  if (f === 3) return RfmSegment.AT_RISK;
  return r === 2 ? RfmSegment.HIBERNATING : RfmSegment.LOST;
}

/** The full 5 × 5 grid as [f - 1, r - 1, customers] triples, empty cells as 0 (ECharts heatmap data). */
export function gridData(cells: RfmCellDto[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) out.push([f - 1, r - 1, cells.find((c) => c.r === r && c.f === f)?.customers ?? 0]);
  return out;
}
