import { Injectable } from '@nestjs/common';
import { CaseEventKind, ErrorCode, WorkOrderLimits, WorkOrderStatus, type CompleteWorkOrderDto, type CreateWorkOrderDto, type UpdateWorkOrderDto, type WorkOrderDto } from '@kehu/contracts';
import { AuditService, Clock, diff, DomainException, fieldError, NotificationsService, OutboxService, TransactionService, updateVersioned, type Principal } from '@kehu/server-core';
import { CustomersRepository } from '@kehu/server-customers';
import { resolveRecordOwner } from '@kehu/server-identity';
import type { EntityManager } from 'typeorm';
import { CasesRepository } from '../cases/cases.repository';
import { CaseEvent } from '../cases/service-case.entity';
import { SlaPolicyService } from '../cases/sla-policy.service';
import { ServiceContractsRepository } from '../contracts/service-contracts.repository';
import { WorkOrder } from './work-order.entity';
import { WorkOrdersRepository } from './work-orders.repository';

const HOUR = 3_600_000;
const isExclusionViolation = (err: unknown) => (err as { code?: string; constraint?: string }).code === '23P01';

function transitionError(status: string, action: string, allowed: string[]): DomainException {
  return new DomainException(ErrorCode.WORK_ORDER_STATUS_TRANSITION, `Cannot ${action} a ${status} work order (only ${allowed.join(' / ')}).`, { extensions: { currentStatus: status, allowed } });
}

/**
 * Work orders (派工单): dispatching a technician to a customer site for a case, rescheduling,
 * the technician's check-in and completion (counted against the service contract's included
 * visits: beyond them, or without a contract, the visit is billable), cancelling. A
 * technician is never booked twice at once: the database refuses the overlap (409 TECHNICIAN_BUSY).
 */
@Injectable()
export class WorkOrdersService {
  constructor(
    private readonly tx: TransactionService,
    private readonly repo: WorkOrdersRepository,
    private readonly cases: CasesRepository,
    private readonly customers: CustomersRepository,
    private readonly contracts: ServiceContractsRepository,
    private readonly sla: SlaPolicyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async get(principal: Principal, id: string): Promise<WorkOrderDto> {
    await this.repo.get(principal, id);
    return this.repo.dto(id);
  }

  create(principal: Principal, dto: CreateWorkOrderDto): Promise<WorkOrderDto> {
    return this.booking(async (m, slot) => {
      const { customerId, caseId, serviceContractId } = await this.subject(m, principal, dto);
      const technician = await this.technician(m, principal, dto.technicianId);
      const [start, end] = window(new Date(dto.scheduledStart), new Date(dto.scheduledEnd));
      Object.assign(slot, { technicianId: technician.id, start, end });
      await this.checkFree(m, technician.id, start, end);
      const address = dto.address?.trim() || ((await m.query(`SELECT address FROM customers WHERE id = $1`, [customerId]))[0]?.address ?? null);
      const [{ n }] = await m.query(`SELECT nextval('work_order_number_seq')::int AS n`);
      const record = {
        number: `WO-${(await this.sla.today(m)).replace(/-/g, '')}-${String(n).padStart(5, '0')}`,
        caseId,
        customerId,
        serviceContractId,
        technicianId: technician.id,
        departmentId: technician.departmentId,
        address,
        instructions: dto.instructions?.trim() || null,
        scheduledStart: start,
        scheduledEnd: end,
        status: WorkOrderStatus.SCHEDULED,
      };
      const result = await m.insert(WorkOrder, { ...record, createdBy: principal.actorId });
      const id = result.identifiers[0].id as string;
      await this.audit.record(m, { action: 'create', entityType: 'work_order', entityId: id, changes: diff({}, record) });
      await this.outbox.publish(m, { type: 'work_order.scheduled', aggregateType: 'work_order', aggregateId: id, payload: { customerId, caseId, technicianId: technician.id, scheduledStart: start.toISOString() } });
      await this.caseEvent(m, caseId, principal, { workOrderId: id, number: record.number, status: record.status, scheduledStart: start.toISOString() });
      await this.tellTechnician(m, id, record.number, technician.id, start);
      return this.repo.dto(id, m);
    });
  }

  /** Needs If-Match; only while scheduled. A new technician or time is checked for overlaps again. */
  update(principal: Principal, id: string, version: number, dto: UpdateWorkOrderDto): Promise<WorkOrderDto> {
    return this.booking(async (m, slot) => {
      const before = await this.repo.get(principal, id, 'service.workorder.manage', m);
      if (before.status !== WorkOrderStatus.SCHEDULED) throw transitionError(before.status, 'reschedule', [WorkOrderStatus.SCHEDULED]);
      const changes: Partial<WorkOrder> = {};
      if (dto.technicianId !== undefined && dto.technicianId !== before.technicianId) {
        const technician = await this.technician(m, principal, dto.technicianId);
        changes.technicianId = technician.id;
        changes.departmentId = technician.departmentId;
      }
      if (dto.scheduledStart !== undefined || dto.scheduledEnd !== undefined) {
        const [start, end] = window(new Date(dto.scheduledStart ?? before.scheduledStart), new Date(dto.scheduledEnd ?? before.scheduledEnd));
        changes.scheduledStart = start;
        changes.scheduledEnd = end;
      }
      if (dto.address !== undefined) changes.address = dto.address?.trim() || null;
      if (dto.instructions !== undefined) changes.instructions = dto.instructions?.trim() || null;
      const booked = { technicianId: changes.technicianId ?? before.technicianId, start: changes.scheduledStart ?? before.scheduledStart, end: changes.scheduledEnd ?? before.scheduledEnd };
      Object.assign(slot, { technicianId: booked.technicianId, start: booked.start, end: booked.end, exceptId: id });
      if (changes.technicianId || changes.scheduledStart) await this.checkFree(m, booked.technicianId, booked.start, booked.end, id);
      await updateVersioned(m, WorkOrder, id, version, changes, 'WorkOrder');
      const changed = diff(before as never, { ...before, ...changes } as never);
      await this.audit.record(m, { action: 'update', entityType: 'work_order', entityId: id, changes: changed });
      await this.outbox.publish(m, { type: 'work_order.updated', aggregateType: 'work_order', aggregateId: id, payload: { customerId: before.customerId, fields: Object.keys(changed) } });
      if (changes.technicianId || changes.scheduledStart) {
        await this.caseEvent(m, before.caseId, principal, { workOrderId: id, number: before.number, status: before.status, rescheduled: true, technicianId: booked.technicianId, scheduledStart: booked.start.toISOString() });
        await this.tellTechnician(m, id, before.number, booked.technicianId, booked.start);
      }
      return this.repo.dto(id, m);
    });
  }

  /** The technician checks in: scheduled → in_progress. */
  start(principal: Principal, id: string): Promise<WorkOrderDto> {
    return this.step(principal, id, 'service.workorder.execute', [WorkOrderStatus.SCHEDULED], 'start', (_w, now) => ({ status: WorkOrderStatus.IN_PROGRESS, startedAt: now }));
  }

  /**
   * scheduled / in_progress → completed with the result. Billable when the customer has no
   * contract for it or its included visits are used up (counted under the contract's row lock,
   * so two completions at once cannot both take the last included visit).
   */
  complete(principal: Principal, id: string, dto: CompleteWorkOrderDto): Promise<WorkOrderDto> {
    return this.step(principal, id, 'service.workorder.execute', [WorkOrderStatus.SCHEDULED, WorkOrderStatus.IN_PROGRESS], 'complete', async (w, now, m) => {
      let billable = true;
      if (w.serviceContractId) {
        const [contract]: { visits_included: number | null }[] = await m.query(`SELECT visits_included FROM service_contracts WHERE id = $1 FOR UPDATE`, [w.serviceContractId]);
        const [{ used }] = await m.query(`SELECT count(*)::int AS used FROM work_orders WHERE service_contract_id = $1 AND status = 'completed' AND billable = false AND deleted_at IS NULL`, [w.serviceContractId]);
        billable = !contract || (contract.visits_included !== null && used >= contract.visits_included);
      }
      return { status: WorkOrderStatus.COMPLETED, startedAt: w.startedAt ?? now, completedAt: now, result: dto.result, signedBy: dto.signedBy?.trim() || null, billable };
    });
  }

  /** scheduled / in_progress → cancelled with the reason; the technician's slot is free again. */
  cancel(principal: Principal, id: string, reason: string): Promise<WorkOrderDto> {
    return this.step(principal, id, 'service.workorder.manage', [WorkOrderStatus.SCHEDULED, WorkOrderStatus.IN_PROGRESS], 'cancel', () => ({ status: WorkOrderStatus.CANCELLED, cancelReason: reason }));
  }

  /** Row lock, allowed-from check, update, audit, outbox and the case's history — one transaction. */
  private step(
    principal: Principal,
    id: string,
    permission: string,
    from: string[],
    action: string,
    change: (w: WorkOrder, now: Date, m: EntityManager) => Promise<Partial<WorkOrder>> | Partial<WorkOrder>,
  ): Promise<WorkOrderDto> {
    return this.tx.run(async (m) => {
      const w = await this.repo.get(principal, id, permission, m, true);
      if (!from.includes(w.status)) throw transitionError(w.status, action, from);
      const now = this.clock.now();
      const changes = await change(w, now, m);
      await m.update(WorkOrder, { id }, { ...changes, updatedAt: now, version: () => 'version + 1' } as never);
      await this.audit.record(m, { action, entityType: 'work_order', entityId: id, changes: diff({ status: w.status }, { status: changes.status }) });
      await this.outbox.publish(m, { type: `work_order.${changes.status}`, aggregateType: 'work_order', aggregateId: id, payload: { customerId: w.customerId, caseId: w.caseId, technicianId: w.technicianId, billable: changes.billable ?? null } });
      await this.caseEvent(m, w.caseId, principal, { workOrderId: id, number: w.number, status: changes.status, result: changes.result ?? changes.cancelReason ?? null });
      return this.repo.dto(id, m);
    });
  }

  /**
   * Runs a booking; the exclusion constraint's refusal (a race the pre-check could not see) is
   * the same 409, naming the visit that won once its transaction has committed.
   */
  private async booking(work: (m: EntityManager, slot: { technicianId?: string; start?: Date; end?: Date; exceptId?: string }) => Promise<WorkOrderDto>): Promise<WorkOrderDto> {
    const slot: { technicianId?: string; start?: Date; end?: Date; exceptId?: string } = {};
    try {
      return await this.tx.run((m) => work(m, slot));
    } catch (err) {
      if (!isExclusionViolation(err)) throw err;
      const other = slot.technicianId && slot.start && slot.end ? await this.tx.run((m) => this.repo.overlapping(m, slot.technicianId!, slot.start!, slot.end!, slot.exceptId)) : null;
      if (other) throw busy(other);
      throw new DomainException(ErrorCode.TECHNICIAN_BUSY, 'The technician already has a visit booked at that time.');
    }
  }

  private async checkFree(m: EntityManager, technicianId: string, start: Date, end: Date, exceptId?: string): Promise<void> {
    const other = await this.repo.overlapping(m, technicianId, start, end, exceptId);
    if (other) throw busy(other);
  }

  /** The case (its customer and contract) or the customer (and the contract in force today). */
  private async subject(m: EntityManager, principal: Principal, dto: CreateWorkOrderDto): Promise<{ customerId: string; caseId: string | null; serviceContractId: string | null }> {
    if (dto.caseId) {
      const c = await this.cases.scoped(principal, 'service.case.read', m).andWhere('c.id = :caseId', { caseId: dto.caseId }).getOne();
      if (!c) throw fieldError('caseId', 'exists', 'caseId does not name a case you can see');
      if (dto.customerId && dto.customerId !== c.customerId) throw fieldError('customerId', 'sameAsCase', "customerId must be the case's customer (or left out)");
      return { customerId: c.customerId, caseId: c.id, serviceContractId: c.serviceContractId ?? (await this.contracts.inForce(m, c.customerId, await this.sla.today(m)))?.id ?? null };
    }
    if (!dto.customerId) throw fieldError('customerId', 'required', 'customerId is required without caseId');
    await this.customers.linkable(principal, dto.customerId, m);
    return { customerId: dto.customerId, caseId: null, serviceContractId: (await this.contracts.inForce(m, dto.customerId, await this.sla.today(m)))?.id ?? null };
  }

  /** An active user in the dispatcher's scope whose roles let them carry out work orders. */
  private async technician(m: EntityManager, principal: Principal, technicianId: string) {
    const owner = await resolveRecordOwner(m, principal, technicianId, 'service.workorder.manage', 'a work order', 'technicianId');
    const [ok] = await m.query(`SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = $1 AND r.permissions ? 'service.workorder.execute' LIMIT 1`, [owner.id]);
    if (!ok) throw fieldError('technicianId', 'canExecute', 'technicianId must be a user whose role carries out work orders (service.workorder.execute)');
    return owner;
  }

  private async caseEvent(m: EntityManager, caseId: string | null, principal: Principal, data: Record<string, unknown>): Promise<void> {
    if (caseId) await m.insert(CaseEvent, { caseId, kind: CaseEventKind.WORK_ORDER, data: data as never, actorId: principal.actorId });
  }

  /** The title gives the visit's start in the service calendar's zone, where the customer is. */
  private async tellTechnician(m: EntityManager, id: string, number: string, technicianId: string, start: Date): Promise<void> {
    const timeZone = (await this.sla.policy(m)).calendar.timeZone;
    const local = start.toLocaleString('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    await this.notifications.notify(m, [
      { userId: technicianId, kind: 'work_order.assigned', title: `${number} ${local}`, link: `/service/work-orders/${id}`, entityType: 'work_order', entityId: id, dedupeKey: `work_order:${id}:${start.toISOString()}:${technicianId}` },
    ]);
  }
}

/** 409 TECHNICIAN_BUSY naming the visit the technician already has then. */
function busy(other: { id: string; number: string; scheduledStart: Date; scheduledEnd: Date }): DomainException {
  return new DomainException(ErrorCode.TECHNICIAN_BUSY, `The technician already has ${other.number} from ${other.scheduledStart.toISOString()} to ${other.scheduledEnd.toISOString()}.`, {
    extensions: { workOrderId: other.id, number: other.number, scheduledStart: other.scheduledStart.toISOString(), scheduledEnd: other.scheduledEnd.toISOString() },
  });
}

/** After the start, at most the longest visit. */
function window(start: Date, end: Date): [Date, Date] {
  if (end <= start) throw fieldError('scheduledEnd', 'afterStart', 'scheduledEnd must be after scheduledStart');
  if (end.getTime() - start.getTime() > WorkOrderLimits.maxDurationHours * HOUR) throw fieldError('scheduledEnd', 'maxDuration', `a visit may last at most ${WorkOrderLimits.maxDurationHours} hours`);
  return [start, end];
}
