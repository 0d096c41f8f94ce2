/** `2026-11` for a month, `2026-Q4` for a quarter: the target periods of the API. */
export type PeriodKind = 'month' | 'quarter';

const pad = (n: number) => String(n).padStart(2, '0');

/** The period containing `day` (local calendar). */
export function periodOf(kind: PeriodKind, day: Date): string {
  const year = day.getFullYear();
  return kind === 'month' ? `${year}-${pad(day.getMonth() + 1)}` : `${year}-Q${Math.floor(day.getMonth() / 3) + 1}`;
}

export const isQuarter = (period: string): boolean => /^\d{4}-Q[1-4]$/.test(period);

/** The previous / next period of the same kind. */
export function shiftPeriod(period: string, by: number): string {
  const year = Number(period.slice(0, 4));
  if (isQuarter(period)) {
    const index = year * 4 + Number(period.slice(6)) - 1 + by;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const index = year * 12 + Number(period.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}
