import { describe, expect, it } from 'vitest';
import { RfmSegment } from '@kehu/contracts';
import { gridData, segmentOf, SEGMENT_COLORS, SEGMENT_ORDER } from './rfm-segments';

describe('RFM segments', () => {
  it('maps every cell of the R × F grid as the server does', () => {
    expect(segmentOf(5, 5)).toBe(RfmSegment.CHAMPIONS);
    expect(segmentOf(4, 3)).toBe(RfmSegment.LOYAL);
    expect(segmentOf(5, 1)).toBe(RfmSegment.NEW);
    expect(segmentOf(3, 4)).toBe(RfmSegment.LOYAL);
    expect(segmentOf(3, 2)).toBe(RfmSegment.POTENTIAL);
    expect(segmentOf(2, 4)).toBe(RfmSegment.CANT_LOSE);
    expect(segmentOf(1, 3)).toBe(RfmSegment.AT_RISK);
    expect(segmentOf(2, 1)).toBe(RfmSegment.HIBERNATING);
    expect(segmentOf(1, 2)).toBe(RfmSegment.LOST);
  });

  it('orders and colours every segment', () => {
    expect(new Set(SEGMENT_ORDER)).toEqual(new Set(Object.values(RfmSegment)));
    expect(Object.keys(SEGMENT_COLORS).sort()).toEqual(Object.values(RfmSegment).sort());
  });

  it('fills the 5 × 5 grid with zeros where no customer is', () => {
    const data = gridData([{ r: 5, f: 1, customers: 7, avgMonetary: 10 }]);
    expect(data).toHaveLength(25);
    expect(data).toContainEqual([0, 4, 7]);
    expect(data.filter((d) => d[2] === 0)).toHaveLength(24);
  });
});
