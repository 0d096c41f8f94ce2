import { ServiceContractStatus } from '@kehu/contracts';

/** Where a contract stands on `today` (YYYY-MM-DD). */
export function contractStatusOn(c: { startDate: string; endDate: string; terminatedAt: Date | null }, today: string): ServiceContractStatus {
  if (c.terminatedAt) return ServiceContractStatus.TERMINATED;
  if (today < c.startDate) return ServiceContractStatus.UPCOMING;
  if (today > c.endDate) return ServiceContractStatus.EXPIRED;
  return ServiceContractStatus.ACTIVE;
}

/** The SQL condition for a status on the day bound as `:today` (alias `sc`). */
export const statusSql: Record<ServiceContractStatus, string> = {
  [ServiceContractStatus.TERMINATED]: 'sc.terminated_at IS NOT NULL',
  [ServiceContractStatus.UPCOMING]: 'sc.terminated_at IS NULL AND sc.start_date > :today',
  [ServiceContractStatus.EXPIRED]: 'sc.terminated_at IS NULL AND sc.end_date < :today',
  [ServiceContractStatus.ACTIVE]: 'sc.terminated_at IS NULL AND sc.start_date <= :today AND sc.end_date >= :today',
};
