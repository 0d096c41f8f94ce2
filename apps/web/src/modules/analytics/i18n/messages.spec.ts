import { beforeAll, describe, expect, it } from 'vitest';
import { loadLazyMessages } from '@/modules';
import { i18n, setLocale } from '@/i18n';
import { analyticsEn, analyticsHelpEn } from './analytics.en';
import { analyticsZhCN, analyticsHelpZhCN } from './analytics.zh-CN';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('analytics texts', () => {
  beforeAll(() => loadLazyMessages());

  it('have the same keys in both languages', () => {
    expect(keys(analyticsZhCN)).toEqual(keys(analyticsEn));
    expect(keys(analyticsHelpZhCN)).toEqual(keys(analyticsHelpEn));
  });

  it('load with the texts on demand and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('analytics.value.done', { changed: 3, customers: 10 })).toBe('客户价值已重算：10 个客户中 3 个有变化。');
    expect(i18n.global.t('help.analyticsValue.title')).toBe('客户价值');
    setLocale('en');
    const params = { at: 'x', customers: 1, changed: 1, seconds: 1, error: 'e' };
    for (const key of keys(analyticsEn).map((k) => `analytics.${k}`)) expect(i18n.global.t(key, params)).not.toContain('{');
  });
});
