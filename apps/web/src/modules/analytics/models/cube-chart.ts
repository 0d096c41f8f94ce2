import type { RevenueCubeDto } from '@kehu/contracts';

export interface CubeChartInput {
  cube: RevenueCubeDto;
  rowsAreTime: boolean;
  columnsAreTime: boolean;
  /** false when the query had no column dimension (one total column). */
  hasColumns: boolean;
  format: (n: number) => string;
  /** Label of the series that sums everything past the largest ones. */
  othersLabel: string;
  emptyLabel: string;
}

/** Series beyond this many are summed into one "others" series: a stack of 30 provinces reads as noise. */
export const MAX_SERIES = 8;
const MAX_BARS = 20;

interface Series {
  name: string;
  data: number[];
}

const labelOf = (m: { label: string }, empty: string) => m.label || empty;

/** The largest series by total and one summing the rest. */
export function topSeries(series: Series[], othersLabel: string, limit = MAX_SERIES): Series[] {
  if (series.length <= limit) return series;
  const byTotal = [...series].sort((a, b) => b.data.reduce((x, y) => x + y, 0) - a.data.reduce((x, y) => x + y, 0));
  const rest = byTotal.slice(limit - 1);
  return [...byTotal.slice(0, limit - 1), { name: othersLabel, data: rest[0].data.map((_, i) => rest.reduce((sum, s) => sum + s.data[i], 0)) }];
}

/**
 * The chart a manager would draw for the pivot: stacked bars over time when one dimension
 * is a period (each member of the other a series), bars of the totals without a column
 * dimension, and a heat map when neither dimension is a period.
 */
export function cubeChartOption(input: CubeChartInput): Record<string, unknown> {
  const { cube, format } = input;
  const rows = cube.rows.map((r) => labelOf(r, input.emptyLabel));
  const cols = cube.columns.map((c) => labelOf(c, input.emptyLabel));
  const tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => format(v) };
  const stacked = (x: string[], series: Series[]) => ({
    tooltip,
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: x },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: series.map((s) => ({ type: 'bar', stack: 'total', name: s.name, data: s.data, emphasis: { focus: 'series' } })),
  });
  if (!input.hasColumns) {
    const n = input.rowsAreTime ? rows.length : Math.min(rows.length, MAX_BARS);
    const x = rows.slice(0, n);
    const data = cube.rowTotals.slice(0, n);
    return input.rowsAreTime
      ? stacked(x, [{ name: '', data }])
      : {
          tooltip,
          grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
          yAxis: { type: 'category', data: [...x].reverse() },
          series: [{ type: 'bar', data: [...data].reverse(), itemStyle: { color: '#409eff' } }],
        };
  }
  if (input.columnsAreTime) return stacked(cols, topSeries(rows.map((name, i) => ({ name, data: cube.values[i] })), input.othersLabel));
  if (input.rowsAreTime) return stacked(rows, topSeries(cols.map((name, j) => ({ name, data: cube.values.map((r) => r[j]) })), input.othersLabel));
  const n = Math.min(rows.length, MAX_BARS);
  const data = cube.values.slice(0, n).flatMap((r, i) => r.map((v, j) => [j, i, v]));
  return {
    tooltip: { position: 'top', formatter: (p: { value: [number, number, number] }) => `${rows[p.value[1]]} · ${cols[p.value[0]]}<br/>${format(p.value[2])}` },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: cols, splitArea: { show: true } },
    yAxis: { type: 'category', data: rows.slice(0, n), splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, ...data.map((d) => d[2])), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, formatter: (v: number) => format(v) },
    series: [{ type: 'heatmap', data, label: { show: false } }],
  };
}
