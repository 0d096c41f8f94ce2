import { describe, expect, it } from 'vitest';
import { CubeMeasure, type RevenueCubeDto } from '@kehu/contracts';
import { cubeChartOption, topSeries } from './cube-chart';

const cube = (rows: string[], cols: string[], values: number[][]): RevenueCubeDto => ({
  measure: CubeMeasure.REVENUE,
  rows: rows.map((k) => ({ key: k, label: k })),
  columns: cols.map((k) => ({ key: k, label: k })),
  values,
  rowTotals: values.map((r) => r.reduce((a, b) => a + b, 0)),
  columnTotals: cols.map((_, j) => values.reduce((a, r) => a + r[j], 0)),
  total: values.flat().reduce((a, b) => a + b, 0),
});
const base = { format: (n: number) => String(n), othersLabel: 'Others', emptyLabel: '(none)' };

describe('cube chart', () => {
  it('stacks one bar series per row over the months', () => {
    const o = cubeChartOption({ ...base, cube: cube(['广东', '浙江'], ['2026-01', '2026-02'], [[1, 2], [3, 4]]), rowsAreTime: false, columnsAreTime: true, hasColumns: true }) as any;
    expect(o.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(o.series.map((s: any) => [s.name, s.stack, s.data])).toEqual([
      ['广东', 'total', [1, 2]],
      ['浙江', 'total', [3, 4]],
    ]);
  });

  it('transposes when the rows are the periods', () => {
    const o = cubeChartOption({ ...base, cube: cube(['2026-Q1', '2026-Q2'], ['A', 'B'], [[1, 2], [3, 4]]), rowsAreTime: true, columnsAreTime: false, hasColumns: true }) as any;
    expect(o.xAxis.data).toEqual(['2026-Q1', '2026-Q2']);
    expect(o.series.map((s: any) => s.data)).toEqual([[1, 3], [2, 4]]);
  });

  it('draws a heat map when neither dimension is a period, naming empty keys', () => {
    const c = cube(['', 'x'], ['d1'], [[5], [7]]);
    c.rows[0].label = '';
    const o = cubeChartOption({ ...base, cube: c, rowsAreTime: false, columnsAreTime: false, hasColumns: true }) as any;
    expect(o.series[0].type).toBe('heatmap');
    expect(o.yAxis.data).toEqual(['(none)', 'x']);
    expect(o.series[0].data).toEqual([[0, 0, 5], [0, 1, 7]]);
    expect(o.visualMap.max).toBe(7);
  });

  it('shows horizontal bars of the totals without a column dimension, largest on top', () => {
    const o = cubeChartOption({ ...base, cube: cube(['a', 'b'], [''], [[9], [4]]), rowsAreTime: false, columnsAreTime: false, hasColumns: false }) as any;
    expect(o.yAxis.data).toEqual(['b', 'a']);
    expect(o.series[0].data).toEqual([4, 9]);
  });

  it('sums the series past the largest into one', () => {
    const series = Array.from({ length: 10 }, (_, i) => ({ name: `s${i}`, data: [i, 1] }));
    const top = topSeries(series, 'Others', 4);
    expect(top.map((s) => s.name)).toEqual(['s9', 's8', 's7', 'Others']);
    expect(top[3].data).toEqual([0 + 1 + 2 + 3 + 4 + 5 + 6, 7]);
  });
});
