import { describe, expect, it } from 'vitest';
import { WorkOrderStatus } from '@kehu/contracts';
import { emptyWorkOrderFilters, myVisitsQuery, outsideWindow, unfinishedVisitsQueries, workOrdersQuery } from './use-work-orders-list';

describe('work orders list query', () => {
  it('sends only the filters in use, latest window first by default', () => {
    expect(workOrdersQuery(emptyWorkOrderFilters(), '')).toEqual({ q: undefined, status: undefined, technicianId: undefined, from: undefined, to: undefined, sort: '-scheduledStart' });
  });

  it('turns the chosen days into a window from the first midnight to the midnight after the last day', () => {
    const filters = { q: ' WO-2026 ', status: WorkOrderStatus.COMPLETED, technicianId: 't1', range: ['2026-11-23', '2026-11-29'] as [string, string] };
    expect(workOrdersQuery(filters, 'number')).toEqual({
      q: 'WO-2026',
      status: 'completed',
      technicianId: 't1',
      from: new Date(2026, 10, 23).toISOString(),
      to: new Date(2026, 10, 30).toISOString(),
      sort: 'number',
    });
  });

  it("a technician's visits: their own from this morning on, soonest first", () => {
    expect(myVisitsQuery('t1', new Date(2026, 10, 27, 15, 30))).toEqual({ technicianId: 't1', from: new Date(2026, 10, 27).toISOString(), sort: 'scheduledStart' });
  });

  it("and those before today still booked or checked in, so a forgotten visit stays in sight", () => {
    const to = new Date(2026, 10, 27).toISOString();
    expect(unfinishedVisitsQueries('t1', new Date(2026, 10, 27, 15, 30))).toEqual([
      { technicianId: 't1', status: 'scheduled', to, sort: 'scheduledStart' },
      { technicianId: 't1', status: 'in_progress', to, sort: 'scheduledStart' },
    ]);
  });

  it('greys days beyond the 92-day window once the first day is picked', () => {
    const first = new Date(2026, 0, 1);
    expect(outsideWindow(null, new Date(2030, 0, 1))).toBe(false);
    expect(outsideWindow(first, new Date(2026, 3, 2))).toBe(false); // 91 days later: 92 days with both ends
    expect(outsideWindow(first, new Date(2026, 3, 3))).toBe(true);
    expect(outsideWindow(first, new Date(2025, 9, 1))).toBe(true);
  });
});
