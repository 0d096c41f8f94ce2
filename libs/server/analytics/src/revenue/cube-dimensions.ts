import { CubeDimension } from '@kehu/contracts';

/** SQL for each dimension's key over revenue_rollup `r` (months are stored as their first day). */
export const dimensionKey: Record<CubeDimension, string> = {
  [CubeDimension.PROVINCE]: 'r.province',
  [CubeDimension.MONTH]: `to_char(r.month, 'YYYY-MM')`,
  [CubeDimension.QUARTER]: `to_char(r.month, 'YYYY-"Q"Q')`,
  [CubeDimension.YEAR]: `to_char(r.month, 'YYYY')`,
  [CubeDimension.DEPARTMENT]: `coalesce(r.department_id::text, '')`,
  [CubeDimension.OWNER]: 'r.owner_id::text',
};

export const isTime = (d: CubeDimension): boolean => d === CubeDimension.MONTH || d === CubeDimension.QUARTER || d === CubeDimension.YEAR;

/** Every period key of a time dimension from `from` to `to` (YYYY-MM), so empty months still get a column. */
export function periods(d: CubeDimension, from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    const key = d === CubeDimension.MONTH ? `${y}-${String(m).padStart(2, '0')}` : d === CubeDimension.QUARTER ? `${y}-Q${Math.ceil(m / 3)}` : String(y);
    if (out[out.length - 1] !== key) out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Months from `from` to `to` inclusive. */
export const monthSpan = (from: string, to: string): number => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
};
