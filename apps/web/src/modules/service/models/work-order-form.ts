import { isApiProblemError } from '@kehu/api-client';
import { WorkOrderLimits, WorkOrderStatus, type CreateWorkOrderDto, type UpdateWorkOrderDto, type WorkOrderDto } from '@kehu/contracts';

type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary';

const HOUR = 3_600_000;

export const workOrderStatuses: WorkOrderStatus[] = Object.values(WorkOrderStatus);

export const workOrderStatusTag: Record<WorkOrderStatus, TagType> = {
  [WorkOrderStatus.SCHEDULED]: 'primary',
  [WorkOrderStatus.IN_PROGRESS]: 'warning',
  [WorkOrderStatus.COMPLETED]: 'success',
  [WorkOrderStatus.CANCELLED]: 'info',
};

/** A visit still to be done: it holds the technician's time (cancelling frees it). */
export const isOpenWorkOrder = (status: WorkOrderStatus) => status === WorkOrderStatus.SCHEDULED || status === WorkOrderStatus.IN_PROGRESS;

export type WorkOrderAction = 'reschedule' | 'start' | 'complete' | 'cancel';

export interface WorkOrderRights {
  /** service.workorder.manage: dispatchers book, reschedule and cancel. */
  manage: boolean;
  /** service.workorder.execute: technicians check in and complete. */
  execute: boolean;
}

/**
 * The steps a work order offers in its status (the server's state machine, 409
 * WORK_ORDER_STATUS_TRANSITION otherwise): reschedule or hand over only while scheduled, check in
 * from scheduled, complete from scheduled (a visit done without checking in) or in progress,
 * cancel until it is done.
 */
export function workOrderActions(status: WorkOrderStatus, rights: WorkOrderRights): WorkOrderAction[] {
  const out: WorkOrderAction[] = [];
  if (status === WorkOrderStatus.SCHEDULED && rights.manage) out.push('reschedule');
  if (status === WorkOrderStatus.SCHEDULED && rights.execute) out.push('start');
  if (isOpenWorkOrder(status) && rights.execute) out.push('complete');
  if (isOpenWorkOrder(status) && rights.manage) out.push('cancel');
  return out;
}

export interface WorkOrderFormValues {
  /** The case it serves ('' when booked for a customer directly). */
  caseId: string;
  customerId: string;
  customerName: string;
  technicianId: string;
  start: Date | null;
  end: Date | null;
  address: string;
  instructions: string;
}

export const emptyWorkOrderForm = (preset: Partial<WorkOrderFormValues> = {}): WorkOrderFormValues => ({
  caseId: '',
  customerId: '',
  customerName: '',
  technicianId: '',
  start: null,
  end: null,
  address: '',
  instructions: '',
  ...preset,
});

export const formFromWorkOrder = (w: WorkOrderDto): WorkOrderFormValues => ({
  caseId: w.caseId ?? '',
  customerId: w.customerId,
  customerName: w.customerName ?? '',
  technicianId: w.technicianId,
  start: new Date(w.scheduledStart),
  end: new Date(w.scheduledEnd),
  address: w.address ?? '',
  instructions: w.instructions ?? '',
});

const iso = (d: Date | null) => (d ? d.toISOString() : '');

/** With a case the server takes its customer (and contract); without one the customer is required. */
export function createWorkOrderBody(v: WorkOrderFormValues): CreateWorkOrderDto {
  return {
    caseId: v.caseId || undefined,
    customerId: v.caseId ? undefined : v.customerId,
    technicianId: v.technicianId,
    scheduledStart: iso(v.start),
    scheduledEnd: iso(v.end),
    address: v.address.trim() || undefined,
    instructions: v.instructions.trim() || undefined,
  };
}

/** Only what changed (sent with If-Match): another time, another technician, address, instructions. */
export function updateWorkOrderBody(v: WorkOrderFormValues, before: WorkOrderDto): UpdateWorkOrderDto {
  const out: UpdateWorkOrderDto = {};
  if (v.technicianId && v.technicianId !== before.technicianId) out.technicianId = v.technicianId;
  if (v.start && v.start.getTime() !== Date.parse(before.scheduledStart)) out.scheduledStart = v.start.toISOString();
  if (v.end && v.end.getTime() !== Date.parse(before.scheduledEnd)) out.scheduledEnd = v.end.toISOString();
  if ((v.address.trim() || null) !== before.address) out.address = v.address.trim() || null;
  if ((v.instructions.trim() || null) !== before.instructions) out.instructions = v.instructions.trim() || null;
  return out;
}

/** The server's rules on the window: the end after the start, a visit of at most 72 hours. */
export function windowProblem(v: Pick<WorkOrderFormValues, 'start' | 'end'>): 'endBeforeStart' | 'tooLong' | null {
  if (!v.start || !v.end) return null;
  if (v.end <= v.start) return 'endBeforeStart';
  return v.end.getTime() - v.start.getTime() > WorkOrderLimits.maxDurationHours * HOUR ? 'tooLong' : null;
}

export const hoursLater = (start: Date, hours: number): Date => new Date(start.getTime() + hours * HOUR);

/** The visit a 409 TECHNICIAN_BUSY names (all null when two bookings raced and the database refused the second). */
export interface TechnicianConflict {
  workOrderId: string | null;
  number: string | null;
  scheduledStart: string | null;
  scheduledEnd: string | null;
}

export function technicianConflict(error: unknown): TechnicianConflict | null {
  if (!isApiProblemError(error) || error.code !== 'TECHNICIAN_BUSY') return null;
  const str = (key: string) => (typeof error.extensions[key] === 'string' ? (error.extensions[key] as string) : null);
  return { workOrderId: str('workOrderId'), number: str('number'), scheduledStart: str('scheduledStart'), scheduledEnd: str('scheduledEnd') };
}

/**
 * Where a refused technician's message belongs: the server names `technicianId` (no
 * service.workorder.execute) or `ownerId` (not an active user in the dispatcher's scope).
 */
export const technicianErrorFields = ['technicianId', 'ownerId'] as const;

/** Our words for the server's refusals of a technician (rule → key under workOrders.form). */
export function technicianRefusal(rule: string): 'notTechnician' | 'outOfScope' | null {
  if (rule === 'canExecute') return 'notTechnician';
  if (rule === 'inScope') return 'outOfScope';
  return null;
}

export type WorkOrderView = 'mine' | 'schedule' | 'list';

/**
 * The work orders page's views, the first being where one lands: a technician (carries visits
 * out, does not dispatch) on their own visits, a dispatcher on the schedule.
 */
export function workOrderViews(rights: WorkOrderRights): WorkOrderView[] {
  if (!rights.execute) return ['schedule', 'list'];
  return rights.manage ? ['schedule', 'list', 'mine'] : ['mine', 'schedule', 'list'];
}
