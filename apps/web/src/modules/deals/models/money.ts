import { numberFormat } from '@/core/intl-formatters';

/** An amount in its currency, in the UI language (¥1,200.00 / CN¥1,200.00). */
export function formatMoney(amount: number | null | undefined, currency = 'CNY'): string {
  if (amount === null || amount === undefined) return '—';
  try {
    return numberFormat({ style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Short amounts for column headers: ¥1.2万 / ¥12K. */
export function formatCompactMoney(amount: number, currency = 'CNY'): string {
  try {
    return numberFormat({ style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
  } catch {
    return formatMoney(amount, currency);
  }
}
