import { describe, expect, it } from 'vitest';
import { i18n, setLocale } from '@/i18n';
import { poolsEn, poolsErrorsEn, poolsHelpEn } from './pools.en';
import { poolsZhCN, poolsErrorsZhCN, poolsHelpZhCN } from './pools.zh-CN';
import '../routes';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('pool texts', () => {
  it('have the same keys in both languages', () => {
    expect(keys(poolsZhCN)).toEqual(keys(poolsEn));
    expect(keys(poolsErrorsZhCN)).toEqual(keys(poolsErrorsEn));
    expect(keys(poolsHelpZhCN)).toEqual(keys(poolsHelpEn));
  });

  it('are registered with the routes, refusal codes included, and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('pools.page.claimsToday', { used: 2, limit: 5 })).toBe('今日已领取：2 / 5');
    expect(i18n.global.t('errors.codes.CLAIM_DAILY_LIMIT')).toContain('上限');
    expect(i18n.global.t('help.pool.title')).toBe('公海');
    setLocale('en');
    expect(i18n.global.t('errors.codes.RECLAIM_COOLDOWN')).toContain('recently');
    for (const key of keys(poolsEn).map((k) => `pools.${k}`)) {
      expect(() => i18n.global.t(key, { n: 1, name: 'x', at: 'y', used: 1, limit: 2, owned: 1, max: 2, claimed: 1, refused: 0, returned: 1, reminded: 0, won: 0 })).not.toThrow();
    }
  });
});
