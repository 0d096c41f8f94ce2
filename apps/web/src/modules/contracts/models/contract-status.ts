import type { ReceivableStatus, SalesContractStatus } from '@kehu/contracts';

type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info';

export const contractStatusTag: Record<SalesContractStatus, TagType> = {
  draft: 'info',
  pending_approval: 'warning',
  approved: 'primary',
  rejected: 'danger',
  active: 'success',
  expired: 'info',
  terminated: 'danger',
} as Record<SalesContractStatus, TagType>;

export const receivableStatusTag: Record<ReceivableStatus, TagType> = { pending: 'info', partial: 'warning', paid: 'success', overdue: 'danger' } as Record<ReceivableStatus, TagType>;

/** The progress bar's colour: done at 100 %, on the way from 50 %, behind below. */
export function progressStatus(percent: number | null): '' | 'success' | 'warning' | 'exception' {
  if (percent === null) return '';
  if (percent >= 100) return 'success';
  return percent >= 50 ? '' : 'warning';
}

/** Cents-exact money arithmetic for what is left to plan or pay. */
export const minus = (a: number, b: number): number => (Math.round(a * 100) - Math.round(b * 100)) / 100;
