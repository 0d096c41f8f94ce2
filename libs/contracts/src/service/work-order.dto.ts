import { DateTimeField, EnumField, ResponseField, StringField, UuidField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';

export const WorkOrderLimits = {
  addressMaxLength: 300,
  instructionsMaxLength: 2_000,
  resultMaxLength: 5_000,
  signedByMaxLength: 100,
  reasonMaxLength: 500,
  searchMaxLength: 100,
  /** A visit is booked for at most this long. */
  maxDurationHours: 72,
  /** A list's window (from … to) spans at most this many days. */
  windowMaxDays: 92,
} as const;

/** scheduled → in_progress (the technician checked in) → completed; scheduled / in_progress → cancelled. */
export enum WorkOrderStatus {
  SCHEDULED = 'scheduled',
  IN_PROGRESS = 'in_progress',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
}

/** A work order (派工单): a technician's scheduled visit to a customer site, usually for a case. */
export class WorkOrderDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'WO-20261126-00003' }) number: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ResponseField({ type: String, nullable: true }) caseNumber: string | null;
  @ResponseField({ format: 'uuid' }) customerId: string;
  @ResponseField({ type: String, nullable: true }) customerName: string | null;
  /** The service contract the visit counts against (the case's, else the customer's in force). */
  @ResponseField({ type: String, format: 'uuid', nullable: true }) serviceContractId: string | null;
  @ResponseField({ format: 'uuid' }) technicianId: string;
  @ResponseField({ type: String, nullable: true }) technicianName: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ type: String, nullable: true }) address: string | null;
  @ResponseField({ type: String, nullable: true }) instructions: string | null;
  @ResponseField({ format: 'date-time' }) scheduledStart: string;
  @ResponseField({ format: 'date-time' }) scheduledEnd: string;
  @ResponseField({ enum: WorkOrderStatus, enumName: 'WorkOrderStatus' }) status: WorkOrderStatus;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ResponseField({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ResponseField({ type: String, nullable: true }) result: string | null;
  /** Who signed the visit off at the customer. */
  @ResponseField({ type: String, nullable: true }) signedBy: string | null;
  /** Set on completion: beyond the contract's included visits, or without a contract. */
  @ResponseField({ type: Boolean, nullable: true }) billable: boolean | null;
  @ResponseField({ type: String, nullable: true }) cancelReason: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ResponseField() version: number;
}

export class CreateWorkOrderDto {
  /** The case it serves (its customer and contract are taken); else customerId. */
  @UuidField({ optional: true }) caseId?: string;
  /** Required without caseId; must match the case's customer with it. */
  @UuidField({ optional: true }) customerId?: string;
  /** An active user in your service.workorder.manage scope; a technician is never booked twice at once (409 TECHNICIAN_BUSY). */
  @UuidField() technicianId: string;
  @DateTimeField({ example: '2026-11-27T01:00:00.000Z' }) scheduledStart: string;
  /** After scheduledStart, at most 72 hours later. */
  @DateTimeField({ example: '2026-11-27T03:00:00.000Z' }) scheduledEnd: string;
  /** Default: the customer's address. */
  @StringField({ optional: true, maxLength: WorkOrderLimits.addressMaxLength }) address?: string;
  @StringField({ optional: true, maxLength: WorkOrderLimits.instructionsMaxLength, example: '带备用搓纸轮' }) instructions?: string;
}

/** Needs If-Match; only while scheduled (reschedule, another technician, address, instructions). */
export class UpdateWorkOrderDto {
  @UuidField({ optional: true }) technicianId?: string;
  @DateTimeField({ optional: true }) scheduledStart?: string;
  @DateTimeField({ optional: true }) scheduledEnd?: string;
  @StringField({ optional: true, nullable: true, maxLength: WorkOrderLimits.addressMaxLength }) address?: string | null;
  @StringField({ optional: true, nullable: true, maxLength: WorkOrderLimits.instructionsMaxLength }) instructions?: string | null;
}

export class CompleteWorkOrderDto {
  @StringField({ maxLength: WorkOrderLimits.resultMaxLength, minLength: 1, example: '更换搓纸轮，测试打印 20 页正常' }) result: string;
  @StringField({ optional: true, maxLength: WorkOrderLimits.signedByMaxLength, example: '王经理' }) signedBy?: string;
}

export class CancelWorkOrderDto {
  @StringField({ maxLength: WorkOrderLimits.reasonMaxLength, minLength: 1, example: '客户改期' }) reason: string;
}

export class ListWorkOrdersQuery extends PageQueryDto {
  @UuidField({ optional: true }) technicianId?: string;
  @EnumField(WorkOrderStatus, 'WorkOrderStatus', { optional: true }) status?: WorkOrderStatus;
  @UuidField({ optional: true }) caseId?: string;
  @UuidField({ optional: true }) customerId?: string;
  /** Visits scheduled to end after this time (with `to`: the calendar's window, at most 92 days). */
  @DateTimeField({ optional: true }) from?: string;
  /** Visits scheduled to start before this time. */
  @DateTimeField({ optional: true }) to?: string;
  /** Part of the number or address. */
  @StringField({ optional: true, maxLength: WorkOrderLimits.searchMaxLength }) q?: string;
  /** scheduledStart (default), createdAt, number; prefix - for descending. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}
