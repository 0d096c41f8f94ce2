import { describe, expect, it } from 'vitest';
import { i18n, setLocale } from '@/i18n';
import { revenueEn, revenueHelpEn } from './revenue.en';
import { revenueZhCN, revenueHelpZhCN } from './revenue.zh-CN';
import '../routes';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('revenue texts', () => {
  it('have the same keys in both languages', () => {
    expect(keys(revenueZhCN)).toEqual(keys(revenueEn));
    expect(keys(revenueHelpZhCN)).toEqual(keys(revenueHelpEn));
  });

  it('are registered with the routes and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('revenue.orders.moveTo', { status: '已付款' })).toBe('标记为已付款');
    expect(i18n.global.t('help.revenueOrders.title')).toBe('订单');
    setLocale('en');
    for (const key of keys(revenueEn).map((k) => `revenue.${k}`)) expect(() => i18n.global.t(key, { n: 1, status: 'x', number: 'y' })).not.toThrow();
  });
});
