import type { RevenueCubeDto } from '@kehu/contracts';

const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The pivot as Excel opens it: UTF-8 BOM, header row, one line per row member, totals last. */
export function pivotCsv(cube: RevenueCubeDto, head: { rows: string; total: string; empty: string }): string {
  const name = (m: { label: string }) => m.label || head.empty;
  const lines: (string | number)[][] = [
    [head.rows, ...cube.columns.map((c) => name(c) || head.total), head.total],
    ...cube.rows.map((r, i) => [name(r), ...cube.values[i], cube.rowTotals[i]]),
    [head.total, ...cube.columnTotals, cube.total],
  ];
  return '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
