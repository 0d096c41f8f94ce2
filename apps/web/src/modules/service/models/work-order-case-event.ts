import { WorkOrderStatus, type CaseEventDto } from '@kehu/contracts';
import { formatDateTime } from '@/core/format';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The sentence of a `work_order` entry in a case's history (data: number, status, and the
 * booked start or the result / cancel reason): its message key under workOrders.caseEvent and
 * the parameters. A status this SPA does not know yet still reads as "changed visit …".
 */
export function workOrderEventMessage(e: Pick<CaseEventDto, 'data'>): { key: string; params: Record<string, string> } {
  const d = e.data ?? {};
  const status = str(d.status);
  const known = (Object.values(WorkOrderStatus) as string[]).includes(status);
  return {
    key: `workOrders.caseEvent.${known ? status : 'other'}`,
    params: { number: str(d.number), time: d.scheduledStart ? formatDateTime(str(d.scheduledStart)) : '', result: str(d.result) },
  };
}
