import { describe, expect, it } from 'vitest';
import { CasePriority, CaseStatus, CaseType } from '@kehu/contracts';
import { casesQuery, emptyCaseFilters, type CaseFilters } from './use-cases-list';

const filters = (over: Partial<CaseFilters> = {}): CaseFilters => ({ ...emptyCaseFilters(), ...over });

describe('cases list query', () => {
  it('"my open cases" asks for my active cases, newest first', () => {
    expect(casesQuery(filters(), '-createdAt', 'me')).toEqual({
      q: undefined,
      status: undefined,
      active: true,
      priority: undefined,
      type: undefined,
      ownerId: 'me',
      breached: undefined,
      customerId: undefined,
      sort: '-createdAt',
    });
  });

  it('the department queue is every active case in scope; breached adds the breach filter', () => {
    expect(casesQuery(filters({ quick: 'queue' }), '', 'me')).toMatchObject({ active: true, ownerId: undefined, breached: undefined, sort: '-createdAt' });
    expect(casesQuery(filters({ quick: 'breached' }), 'resolutionDueAt', 'me')).toMatchObject({ active: true, ownerId: undefined, breached: true, sort: 'resolutionDueAt' });
  });

  it('"all" sends only the filters in use; a chosen status or owner wins over the quick filter', () => {
    const all = casesQuery(filters({ quick: 'all', q: ' CS-2026 ', priority: CasePriority.URGENT, type: CaseType.COMPLAINT }), '-priority', 'me', 'c1');
    expect(all).toMatchObject({ q: 'CS-2026', active: undefined, priority: 'urgent', type: 'complaint', ownerId: undefined, customerId: 'c1', sort: '-priority' });
    const resolvedMine = casesQuery(filters({ status: CaseStatus.RESOLVED }), '-createdAt', 'me');
    expect(resolvedMine).toMatchObject({ status: 'resolved', active: undefined, ownerId: 'me' });
    expect(casesQuery(filters({ ownerId: 'u2' }), '-createdAt', 'me').ownerId).toBe('u2');
  });
});
