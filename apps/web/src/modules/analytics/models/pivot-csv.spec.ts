import { describe, expect, it } from 'vitest';
import { CubeMeasure } from '@kehu/contracts';
import { pivotCsv } from './pivot-csv';

describe('pivot CSV', () => {
  it('writes header, rows and totals, quoting what needs it', () => {
    const csv = pivotCsv(
      {
        measure: CubeMeasure.REVENUE,
        rows: [{ key: '广东', label: '广东' }, { key: '', label: '' }],
        columns: [{ key: '2026-01', label: '2026-01' }, { key: '2026-02', label: '2026-02' }],
        values: [[1, 2.5], [0, 3]],
        rowTotals: [3.5, 3],
        columnTotals: [1, 5.5],
        total: 6.5,
      },
      { rows: 'Province, region', total: 'Total', empty: '(not given)' },
    );
    expect(csv).toBe('\uFEFF"Province, region",2026-01,2026-02,Total\r\n广东,1,2.5,3.5\r\n(not given),0,3,3\r\nTotal,1,5.5,6.5\r\n');
  });
});
