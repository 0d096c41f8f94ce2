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

/** The progress bar's colour (not its status, which would swap the percentage for an icon): done at 100 %, on the way from 50 %, behind below. */
export function progressColor(percent: number | null): string {
  if (percent !== null && percent >= 100) return 'var(--el-color-success)';
  if (percent !== null && percent >= 50) return 'var(--el-color-primary)';
  return 'var(--el-color-warning)';
}

/** Cents-exact money arithmetic for what is left to plan or pay. */
export const minus = (a: number, b: number): number => (Math.round(a * 100) - Math.round(b * 100)) / 100;
