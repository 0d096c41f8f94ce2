import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkOrderLimits, type ListWorkOrdersQuery, type Page, type WorkOrderDto, type WorkOrderStatus } from '@kehu/contracts';
import { applyScope, DomainException, fieldError, likePattern, paginate, parseSort, type Principal } from '@kehu/server-core';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { WorkOrder } from './work-order.entity';

const id = { expression: 'w.id', key: 'id' };
const sorts = {
  scheduledStart: { expression: 'w.scheduled_start', key: 'scheduledStart' },
  createdAt: { expression: 'w.created_at', key: 'createdAt' },
  number: { expression: 'w.number', key: 'number' },
};
const DAY = 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface Names {
  caseNumber: string | null;
  customerName: string | null;
  technicianName: string | null;
}

export function toWorkOrderDto(w: WorkOrder, names: Names): WorkOrderDto {
  return {
    id: w.id,
    number: w.number,
    caseId: w.caseId,
    caseNumber: names.caseNumber,
    customerId: w.customerId,
    customerName: names.customerName,
    serviceContractId: w.serviceContractId,
    technicianId: w.technicianId,
    technicianName: names.technicianName,
    departmentId: w.departmentId,
    address: w.address,
    instructions: w.instructions,
    scheduledStart: w.scheduledStart.toISOString(),
    scheduledEnd: w.scheduledEnd.toISOString(),
    status: w.status as WorkOrderStatus,
    startedAt: iso(w.startedAt),
    completedAt: iso(w.completedAt),
    result: w.result,
    signedBy: w.signedBy,
    billable: w.billable,
    cancelReason: w.cancelReason,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    createdBy: w.createdBy,
    version: w.version,
  };
}

/** Every work-order query; the data scope (technician / department) is applied here, once. */
@Injectable()
export class WorkOrdersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  scoped(principal: Principal, permission: string, manager: EntityManager = this.ds.manager): SelectQueryBuilder<WorkOrder> {
    return applyScope(manager.getRepository(WorkOrder).createQueryBuilder('w'), principal, permission, { owner: 'w.technician_id', department: 'w.department_id' });
  }

  async get(principal: Principal, workOrderId: string, permission = 'service.workorder.read', manager?: EntityManager, lock = false): Promise<WorkOrder> {
    const qb = this.scoped(principal, permission, manager).andWhere('w.id = :workOrderId', { workOrderId });
    if (lock) qb.setLock('pessimistic_write');
    const w = await qb.getOne();
    if (!w) throw DomainException.notFound('WorkOrder');
    return w;
  }

  async dto(workOrderId: string, manager: EntityManager = this.ds.manager): Promise<WorkOrderDto> {
    const w = await manager.getRepository(WorkOrder).createQueryBuilder('w').withDeleted().where('w.id = :workOrderId', { workOrderId }).getOneOrFail();
    const [names] = await this.names([w], manager);
    return toWorkOrderDto(w, names);
  }

  /** By scheduled start (the dispatch board and a technician's day); `from`/`to` bound the window. */
  async list(principal: Principal, q: ListWorkOrdersQuery): Promise<Page<WorkOrderDto>> {
    if (q.from && q.to) {
      if (q.to <= q.from) throw fieldError('to', 'afterFrom', 'to must be after from');
      if (Date.parse(q.to) - Date.parse(q.from) > WorkOrderLimits.windowMaxDays * DAY) throw fieldError('to', 'maxWindow', `the window may span at most ${WorkOrderLimits.windowMaxDays} days`);
    }
    const qb = this.scoped(principal, 'service.workorder.read');
    if (q.technicianId) qb.andWhere('w.technician_id = :technicianId', { technicianId: q.technicianId });
    if (q.status) qb.andWhere('w.status = :status', { status: q.status });
    if (q.caseId) qb.andWhere('w.case_id = :caseId', { caseId: q.caseId });
    if (q.customerId) qb.andWhere('w.customer_id = :customerId', { customerId: q.customerId });
    if (q.from) qb.andWhere('w.scheduled_end > :from', { from: q.from });
    if (q.to) qb.andWhere('w.scheduled_start < :to', { to: q.to });
    if (q.q) qb.andWhere('(w.number ILIKE :q OR w.address ILIKE :q)', { q: likePattern(q.q) });
    const sort = parseSort(q.sort, sorts, 'scheduledStart', id);
    const page = await paginate(qb, { sort, cursor: q.cursor, limit: q.limit, count: q.count });
    const names = await this.names(page.data);
    return { ...page, data: page.data.map((w, i) => toWorkOrderDto(w, names[i])) };
  }

  /** A booked visit of the technician overlapping the window (the exclusion constraint's twin, for the 409's detail). */
  async overlapping(m: EntityManager, technicianId: string, start: Date, end: Date, exceptId?: string): Promise<WorkOrder | null> {
    const qb = m
      .getRepository(WorkOrder)
      .createQueryBuilder('w')
      .where('w.technician_id = :technicianId', { technicianId })
      .andWhere("w.status IN ('scheduled', 'in_progress')")
      .andWhere('tstzrange(w.scheduled_start, w.scheduled_end) && tstzrange(:start, :end)', { start, end });
    if (exceptId) qb.andWhere('w.id <> :exceptId', { exceptId });
    return qb.orderBy('w.scheduled_start').getOne();
  }

  /** Case numbers, customer and technician names for a page: three lookups by id, never one per row. */
  private async names(rows: WorkOrder[], manager: EntityManager = this.ds.manager): Promise<Names[]> {
    if (!rows.length) return [];
    const ids = (pick: (w: WorkOrder) => string | null) => [...new Set(rows.map(pick).filter((x): x is string => !!x))];
    const lookup = async (sql: string, values: string[]) => new Map(values.length ? ((await manager.query(sql, [values])) as { id: string; v: string }[]).map((r) => [r.id, r.v]) : []);
    const cases = await lookup(`SELECT id, number AS v FROM service_cases WHERE id = ANY($1)`, ids((w) => w.caseId));
    const customers = await lookup(`SELECT id, name AS v FROM customers WHERE id = ANY($1)`, ids((w) => w.customerId));
    const users = await lookup(`SELECT id, name AS v FROM users WHERE id = ANY($1)`, ids((w) => w.technicianId));
    return rows.map((w) => ({ caseNumber: w.caseId ? (cases.get(w.caseId) ?? null) : null, customerName: customers.get(w.customerId) ?? null, technicianName: users.get(w.technicianId) ?? null }));
  }
}
