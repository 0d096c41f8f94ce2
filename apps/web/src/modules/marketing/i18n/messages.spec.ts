import { beforeAll, describe, expect, it } from 'vitest';
import { loadLazyMessages } from '@/modules';
import { SEGMENT_FIELD_NAMES, SEGMENT_OPERATORS, RFM_SEGMENTS } from '@kehu/contracts';
import { i18n, setLocale } from '@/i18n';
import { marketingEn, marketingHelpEn } from './marketing.en';
import { marketingZhCN, marketingHelpZhCN } from './marketing.zh-CN';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('marketing texts', () => {
  beforeAll(() => loadLazyMessages());

  it('have the same keys in both languages', () => {
    expect(keys(marketingZhCN)).toEqual(keys(marketingEn));
    expect(keys(marketingHelpZhCN)).toEqual(keys(marketingHelpEn));
  });

  it('name every field, operator and RFM segment of the contract', () => {
    expect(Object.keys(marketingEn.fields).sort()).toEqual([...SEGMENT_FIELD_NAMES].sort());
    expect(Object.keys(marketingEn.ops).sort()).toEqual([...SEGMENT_OPERATORS].sort());
    expect(Object.keys(marketingEn.rfm).sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('load with the texts on demand and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('nav.segments')).toBe('客户细分');
    expect(i18n.global.t('help.marketingSegments.title')).toBe('客户细分');
    setLocale('en');
    expect(i18n.global.t('marketing.list.conditionCount', 3)).toBe('3 conditions');
    for (const key of keys(marketingEn).map((k) => `marketing.${k}`)) expect(() => i18n.global.t(key, { n: 1, name: 'x' })).not.toThrow();
  });
});
