/** A target period's first and last day: `2026-11` → 2026-11-01 … 2026-11-30; `2026-Q4` → 2026-10-01 … 2026-12-31. */
export function periodRange(period: string): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  const firstMonth = q ? (Number(q[1]) - 1) * 3 : Number(period.slice(5, 7)) - 1;
  const months = q ? 3 : 1;
  const from = new Date(Date.UTC(year, firstMonth, 1));
  const to = new Date(Date.UTC(year, firstMonth + months, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}
