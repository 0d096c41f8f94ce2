import { describe, expect, it } from 'vitest';
import { CaseEventKind, type CaseEventDto } from '@kehu/contracts';
import { formatDateTime } from '@/core/format';
import { workOrderEventMessage } from './work-order-case-event';
import { formatWindow } from './work-order-window';
import { setLocale } from '@/i18n';

const event = (data: Record<string, unknown>) => ({ kind: CaseEventKind.WORK_ORDER, data }) as unknown as CaseEventDto;

describe('work order entries in a case history', () => {
  it('say which visit and what happened: booked for a time, done or cancelled with its text', () => {
    const start = '2026-11-30T01:00:00.000Z';
    expect(workOrderEventMessage(event({ number: 'WO-1', status: 'scheduled', scheduledStart: start }))).toEqual({
      key: 'workOrders.caseEvent.scheduled',
      params: { number: 'WO-1', time: formatDateTime(start), result: '' },
    });
    expect(workOrderEventMessage(event({ number: 'WO-1', status: 'completed', result: '已更换配件' })).params.result).toBe('已更换配件');
    expect(workOrderEventMessage(event({ number: 'WO-1', status: 'cancelled', result: '客户改期' })).key).toBe('workOrders.caseEvent.cancelled');
    expect(workOrderEventMessage(event({ number: 'WO-1', status: 'scheduled', rescheduled: true, scheduledStart: start }))).toEqual({
      key: 'workOrders.caseEvent.rescheduled',
      params: { number: 'WO-1', time: formatDateTime(start), result: '' },
    });
  });

  it('an unknown step or missing data still reads as a change of the visit', () => {
    expect(workOrderEventMessage(event({ number: 'WO-1', status: 'on_hold' })).key).toBe('workOrders.caseEvent.other');
    expect(workOrderEventMessage({ data: null } as unknown as CaseEventDto)).toEqual({ key: 'workOrders.caseEvent.other', params: { number: '', time: '', result: '' } });
  });
});

describe('visit windows', () => {
  it('name the day once for a visit within a day, both days over midnight', () => {
    setLocale('en');
    const start = new Date(2026, 10, 27, 9);
    expect(formatWindow(start, new Date(2026, 10, 27, 11, 30))).toBe('Fri, Nov 27 09:00–11:30');
    expect(formatWindow(start, new Date(2026, 10, 28, 1))).toBe('Fri, Nov 27 09:00 – Sat, Nov 28 01:00');
    expect(formatWindow('nonsense', start)).toBe('—');
  });
});
