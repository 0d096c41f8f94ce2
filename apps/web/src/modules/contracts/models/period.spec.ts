import { describe, expect, it } from 'vitest';
import { isQuarter, periodOf, shiftPeriod } from './period';
import { minus, progressColor } from './contract-status';

describe('target periods', () => {
  it('names the month or quarter of a day', () => {
    expect(periodOf('month', new Date(2026, 10, 25))).toBe('2026-11');
    expect(periodOf('quarter', new Date(2026, 10, 25))).toBe('2026-Q4');
    expect(periodOf('quarter', new Date(2026, 0, 1))).toBe('2026-Q1');
  });

  it('moves across year ends', () => {
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(isQuarter('2026-Q2')).toBe(true);
    expect(isQuarter('2026-02')).toBe(false);
  });
});

describe('money and progress helpers', () => {
  it('subtracts in cents', () => {
    expect(minus(0.3, 0.1)).toBe(0.2);
    expect(minus(100000, 60000.01)).toBe(39999.99);
  });
  it('colours progress', () => {
    expect(progressColor(null)).toContain('warning');
    expect(progressColor(120)).toContain('success');
    expect(progressColor(60)).toContain('primary');
    expect(progressColor(10)).toContain('warning');
  });
});
