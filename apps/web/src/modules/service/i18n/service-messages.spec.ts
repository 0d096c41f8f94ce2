import { beforeAll, describe, expect, it } from 'vitest';
import { loadLazyMessages } from '@/modules';
import { i18n, setLocale } from '@/i18n';
import { serviceEn, serviceErrorCodesEn, serviceHelpEn } from './service.en';
import { serviceErrorCodesZhCN, serviceHelpZhCN, serviceZhCN } from './service.zh-CN';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('service texts', () => {
  beforeAll(() => loadLazyMessages());

  it('have the same keys in both languages', () => {
    expect(keys(serviceZhCN)).toEqual(keys(serviceEn));
    expect(keys(serviceHelpZhCN)).toEqual(keys(serviceHelpEn));
    expect(keys(serviceErrorCodesZhCN)).toEqual(keys(serviceErrorCodesEn));
  });

  it('load with the texts on demand and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('nav.customerService')).toBe('客户服务');
    expect(i18n.global.t('service.sla.badge.dueIn', { time: '2 小时' })).toBe('2 小时后到期');
    expect(i18n.global.t('service.sla.badge.overdueBy', { time: '35 分钟' })).toBe('已超时 35 分钟');
    expect(i18n.global.t('help.slaPolicy.title')).toBe('服务水平策略');
    expect(i18n.global.t('errors.codes.ALREADY_RATED')).toBe('该工单已评价过。');
    setLocale('en');
    const params = { time: 'x', n: 1, number: 'CS-1', status: 's', from: 'a', to: 'b', score: 5, fields: 'f' };
    for (const key of keys(serviceEn).map((k) => `service.${k}`)) {
      expect(() => i18n.global.t(key, params)).not.toThrow();
      expect(i18n.global.t(key, params)).not.toBe(key);
    }
  });
});
