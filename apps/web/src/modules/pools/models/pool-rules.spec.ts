import { describe, expect, it } from 'vitest';
import { PoolReturnRuleKind } from '@kehu/contracts';
import { claimableFrom, quotaLeft, reasonText, refusalsByCode, rulesDtoFrom, rulesFormFrom } from './pool-rules';

describe('pool rules form', () => {
  it('lists every rule kind, switched on where stored, and round-trips to the same rules', () => {
    const stored = {
      returnRules: [{ kind: PoolReturnRuleKind.NO_FOLLOW_UP, days: 30, gradeDays: { A: 60 } }, { kind: PoolReturnRuleKind.NOT_WON, days: 90, includeOpenOpportunities: true }],
      exemptGrades: ['A'],
      dailyClaimLimit: 5,
    } as never;
    const form = rulesFormFrom(stored);
    expect(form.rules.map((r) => [r.kind, r.enabled])).toEqual([
      ['noFollowUp', true],
      ['noNewOpportunity', false],
      ['notWon', true],
    ]);
    expect(form.rules[0].gradeDays).toEqual({ A: 60, B: null, C: null, D: null });
    expect(form.reminderDays).toBeNull();
    expect(rulesDtoFrom(form)).toEqual(stored);
  });

  it('drops switched-off rules, empty grade days and cleared limits', () => {
    const form = rulesFormFrom(undefined);
    form.rules[1].enabled = true;
    form.rules[1].gradeDays.B = 0;
    form.reminderDays = 3;
    form.claimWaitDays = null;
    expect(rulesDtoFrom(form)).toEqual({ returnRules: [{ kind: 'noNewOpportunity', days: 60 }], exemptGrades: [], reminderDays: 3 });
  });
});

describe('pool page helpers', () => {
  it('picks the reason in the user language', () => {
    const reason = { code: 'rule.noFollowUp', params: { days: 30 }, zh: '超过30天无新建跟进记录自动进入公海', en: 'no follow-up for 30 days' };
    expect(reasonText(reason, 'zh-CN')).toBe('超过30天无新建跟进记录自动进入公海');
    expect(reasonText(reason, 'en')).toBe('no follow-up for 30 days');
    expect(reasonText(null, 'en')).toBe('');
  });

  it('says when a waiting customer becomes claimable', () => {
    const now = new Date('2030-01-02T00:00:00Z');
    expect(claimableFrom({ claimableFrom: '2030-01-03T00:00:00.000Z' }, now)).toBe('2030-01-03T00:00:00.000Z');
    expect(claimableFrom({ claimableFrom: '2030-01-01T00:00:00.000Z' }, now)).toBeNull();
    expect(claimableFrom({ claimableFrom: null }, now)).toBeNull();
  });

  it('computes what is left of the daily limit and the capacity', () => {
    expect(quotaLeft({ poolId: 'p', claimedToday: 3, dailyClaimLimit: 5, owned: 10, maxOwned: 10, locked: 0, maxLocked: null })).toEqual({ claims: 2, capacity: 0 });
    expect(quotaLeft({ poolId: 'p', claimedToday: 3, dailyClaimLimit: null, owned: 10, maxOwned: null, locked: 0, maxLocked: null })).toEqual({ claims: null, capacity: null });
  });

  it('groups batch refusals by code', () => {
    const result = {
      claimed: 1,
      refused: 3,
      results: [
        { customerId: 'a', claimed: true, code: null, detail: null },
        { customerId: 'b', claimed: false, code: 'CLAIM_DAILY_LIMIT', detail: '' },
        { customerId: 'c', claimed: false, code: 'NOT_IN_POOL', detail: '' },
        { customerId: 'd', claimed: false, code: 'CLAIM_DAILY_LIMIT', detail: '' },
      ],
    };
    expect(refusalsByCode(result)).toEqual([
      { code: 'CLAIM_DAILY_LIMIT', count: 2 },
      { code: 'NOT_IN_POOL', count: 1 },
    ]);
  });
});
