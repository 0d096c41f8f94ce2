import { describe, expect, it } from 'vitest';
import { ApiProblemError } from '@kehu/api-client';
import { WorkOrderStatus, type WorkOrderDto } from '@kehu/contracts';
import {
  createWorkOrderBody,
  emptyWorkOrderForm,
  formFromWorkOrder,
  hoursLater,
  technicianConflict,
  technicianRefusal,
  updateWorkOrderBody,
  windowProblem,
  workOrderActions,
  workOrderViews,
} from './work-order-form';

const visit: WorkOrderDto = {
  id: 'w1',
  number: 'WO-20261127-00001',
  caseId: 'k1',
  caseNumber: 'CS-20261127-00004',
  customerId: 'c1',
  customerName: '恒达',
  serviceContractId: null,
  technicianId: 't1',
  technicianName: '王工',
  departmentId: 'd1',
  address: '上海市浦东新区 1 号',
  instructions: '带备用搓纸轮',
  scheduledStart: '2026-11-30T01:00:00.000Z',
  scheduledEnd: '2026-11-30T03:00:00.000Z',
  status: WorkOrderStatus.SCHEDULED,
  startedAt: null,
  completedAt: null,
  result: null,
  signedBy: null,
  billable: null,
  cancelReason: null,
  createdAt: '2026-11-27T01:00:00.000Z',
  updatedAt: '2026-11-27T01:00:00.000Z',
  createdBy: 'u1',
  version: 1,
};

const problem = (body: object) => new ApiProblemError({ type: 'about:blank', title: 'x', status: 409, code: 'X', ...body } as never);

describe('work order steps', () => {
  const dispatcher = { manage: true, execute: false };
  const technician = { manage: false, execute: true };
  const both = { manage: true, execute: true };

  it('a scheduled visit: the dispatcher reschedules or cancels, the technician checks in or completes', () => {
    expect(workOrderActions(WorkOrderStatus.SCHEDULED, dispatcher)).toEqual(['reschedule', 'cancel']);
    expect(workOrderActions(WorkOrderStatus.SCHEDULED, technician)).toEqual(['start', 'complete']);
    expect(workOrderActions(WorkOrderStatus.SCHEDULED, both)).toEqual(['reschedule', 'start', 'complete', 'cancel']);
  });

  it('in progress: no more rescheduling or checking in; completed and cancelled visits offer nothing', () => {
    expect(workOrderActions(WorkOrderStatus.IN_PROGRESS, both)).toEqual(['complete', 'cancel']);
    expect(workOrderActions(WorkOrderStatus.COMPLETED, both)).toEqual([]);
    expect(workOrderActions(WorkOrderStatus.CANCELLED, both)).toEqual([]);
    expect(workOrderActions(WorkOrderStatus.SCHEDULED, { manage: false, execute: false })).toEqual([]);
  });

  it('a technician lands on their visits, a dispatcher on the schedule', () => {
    expect(workOrderViews(technician)).toEqual(['mine', 'schedule', 'list']);
    expect(workOrderViews(both)).toEqual(['schedule', 'list', 'mine']);
    expect(workOrderViews(dispatcher)).toEqual(['schedule', 'list']);
  });
});

describe('work order form', () => {
  const start = new Date('2026-11-30T01:00:00.000Z');

  it('for a case sends the case (the server takes its customer), trimmed texts and the window in UTC', () => {
    const values = emptyWorkOrderForm({ caseId: 'k1', customerId: 'c1', technicianId: 't1', start, end: hoursLater(start, 2), instructions: ' 带备用搓纸轮 ', address: '  ' });
    expect(createWorkOrderBody(values)).toEqual({
      caseId: 'k1',
      customerId: undefined,
      technicianId: 't1',
      scheduledStart: '2026-11-30T01:00:00.000Z',
      scheduledEnd: '2026-11-30T03:00:00.000Z',
      address: undefined,
      instructions: '带备用搓纸轮',
    });
  });

  it('without a case sends the customer; an unset window is blank for the browser check to name', () => {
    expect(createWorkOrderBody(emptyWorkOrderForm({ customerId: 'c1', technicianId: 't1' }))).toMatchObject({ caseId: undefined, customerId: 'c1', scheduledStart: '', scheduledEnd: '' });
  });

  it('a reschedule sends only what changed; cleared texts become null', () => {
    const values = formFromWorkOrder(visit);
    expect(updateWorkOrderBody(values, visit)).toEqual({});
    values.start = hoursLater(start, 24);
    values.end = hoursLater(start, 26);
    values.technicianId = 't2';
    values.instructions = '';
    expect(updateWorkOrderBody(values, visit)).toEqual({
      technicianId: 't2',
      scheduledStart: '2026-12-01T01:00:00.000Z',
      scheduledEnd: '2026-12-01T03:00:00.000Z',
      instructions: null,
    });
  });

  it('checks the window as the server does: end after start, at most 72 hours', () => {
    expect(windowProblem({ start, end: null })).toBeNull();
    expect(windowProblem({ start, end: start })).toBe('endBeforeStart');
    expect(windowProblem({ start, end: hoursLater(start, 72) })).toBeNull();
    expect(windowProblem({ start, end: hoursLater(start, 72.25) })).toBe('tooLong');
  });

  it('reads the visit a 409 TECHNICIAN_BUSY names, also when a race left it unnamed', () => {
    const busy = problem({ code: 'TECHNICIAN_BUSY', workOrderId: 'w9', number: 'WO-1', scheduledStart: '2026-11-30T01:00:00.000Z', scheduledEnd: '2026-11-30T03:00:00.000Z' });
    expect(technicianConflict(busy)).toEqual({ workOrderId: 'w9', number: 'WO-1', scheduledStart: '2026-11-30T01:00:00.000Z', scheduledEnd: '2026-11-30T03:00:00.000Z' });
    expect(technicianConflict(problem({ code: 'TECHNICIAN_BUSY' }))).toEqual({ workOrderId: null, number: null, scheduledStart: null, scheduledEnd: null });
    expect(technicianConflict(problem({ code: 'WORK_ORDER_STATUS_TRANSITION' }))).toBeNull();
    expect(technicianConflict(new Error('network'))).toBeNull();
  });

  it('has its own words for a technician the server refuses', () => {
    expect(technicianRefusal('canExecute')).toBe('notTechnician');
    expect(technicianRefusal('inScope')).toBe('outOfScope');
    expect(technicianRefusal('isUuid')).toBeNull();
  });
});
