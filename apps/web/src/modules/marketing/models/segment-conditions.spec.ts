import { describe, expect, it } from 'vitest';
import { blankCondition, fieldGroups, incompleteRows, toCondition, toDraft, toRules, withField } from './segment-conditions';

describe('segment conditions', () => {
  it('offers contact fields only to contact segments', () => {
    expect(fieldGroups('customer').map((g) => g.group)).toEqual(['customer', 'value']);
    expect(fieldGroups('contact').find((g) => g.group === 'contact')?.fields).toEqual(['hasEmail', 'hasPhone', 'preferredChannel', 'consent']);
  });

  it("sends only the operator's operand, and nothing while incomplete", () => {
    const province = withField(blankCondition(), 'province');
    expect(province.op).toBe('in');
    expect(toCondition(province)).toBeNull();
    expect(toCondition({ ...province, values: ['广东'], days: 3 })).toEqual({ field: 'province', op: 'in', values: ['广东'] });
    expect(toCondition({ ...withField(blankCondition(), 'lastFollowUpAt'), op: 'notWithinDays', days: 30 })).toEqual({ field: 'lastFollowUpAt', op: 'notWithinDays', days: 30 });
    expect(toCondition({ ...withField(blankCondition(), 'ownerId'), op: 'none' })).toEqual({ field: 'ownerId', op: 'none' });
    expect(toCondition({ ...withField(blankCondition(), 'consent'), channel: 'email' })).toEqual({ field: 'consent', op: 'optedIn', channel: 'email' });
    expect(toCondition({ ...withField(blankCondition(), 'hasEmail'), flag: false })).toEqual({ field: 'hasEmail', op: 'is', flag: false });
  });

  it('builds rules from the complete rows and names the unfinished ones', () => {
    const rows = [{ ...withField(blankCondition(), 'grade'), values: ['A'] }, withField(blankCondition(), 'city'), blankCondition()];
    expect(toRules('any', rows)).toEqual({ match: 'any', conditions: [{ field: 'grade', op: 'in', values: ['A'] }] });
    expect(incompleteRows(rows)).toEqual([1]);
  });

  it('round-trips a saved condition', () => {
    const saved = { field: 'lifetimeValue', op: 'gte', amount: 10000 } as const;
    expect(toCondition(toDraft(saved))).toEqual(saved);
  });
});
