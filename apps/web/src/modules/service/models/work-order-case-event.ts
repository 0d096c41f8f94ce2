import { WorkOrderStatus, type CaseEventDto } from '@kehu/contracts';
import { formatDateTime } from '@/core/format';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The sentence of a `work_order` entry in a case's history (data: number, status, and the
 * booked start or the result / cancel reason): its message key under workOrders.caseEvent and
 * the parameters; a reschedule or hand-over carries `rescheduled`. A status this SPA does not know yet still reads as "changed visit …".
 */
export function workOrderEventMessage(e: Pick<CaseEventDto, 'data'>): { key: string; params: Record<string, string> } {
  const d = e.data ?? {};
  const status = str(d.status);
  const known = (Object.values(WorkOrderStatus) as string[]).includes(status);
  // A reschedule or hand-over keeps the status and says so (`rescheduled`).
  const step = d.rescheduled === true ? 'rescheduled' : known ? status : 'other';
  return {
    key: `workOrders.caseEvent.${step}`,
    params: { number: str(d.number), time: d.scheduledStart ? formatDateTime(str(d.scheduledStart)) : '', result: str(d.result) },
  };
}
