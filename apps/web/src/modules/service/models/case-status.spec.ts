import { describe, expect, it } from 'vitest';
import { CaseStatus } from '@kehu/contracts';
import { caseActions } from './case-status';

const rights = { update: true, assign: true, rated: false };

describe('case actions by status', () => {
  it('a new case can be replied to, taken up, set pending, resolved, assigned and edited', () => {
    expect(caseActions(CaseStatus.NEW, rights)).toEqual(['reply', 'note', 'takeUp', 'pend', 'resolve', 'assign', 'edit']);
  });

  it('an open case cannot be taken up again; a pending one cannot be set pending again', () => {
    expect(caseActions(CaseStatus.OPEN, rights)).not.toContain('takeUp');
    expect(caseActions(CaseStatus.PENDING, rights)).toEqual(expect.arrayContaining(['takeUp', 'resolve']));
    expect(caseActions(CaseStatus.PENDING, rights)).not.toContain('pend');
  });

  it('a resolved case takes notes, a rating (once), reopening and closing, but no replies', () => {
    expect(caseActions(CaseStatus.RESOLVED, rights)).toEqual(['note', 'reopen', 'close', 'rate', 'edit']);
    expect(caseActions(CaseStatus.RESOLVED, { ...rights, rated: true })).not.toContain('rate');
    expect(caseActions(CaseStatus.CLOSED, rights)).toEqual(['note', 'reopen', 'rate']);
  });

  it('nothing without the update permission; no assigning without the assign permission', () => {
    expect(caseActions(CaseStatus.OPEN, { ...rights, update: false })).toEqual([]);
    expect(caseActions(CaseStatus.OPEN, { ...rights, assign: false })).not.toContain('assign');
  });
});
