import { beforeAll, describe, expect, it } from 'vitest';
import { loadLazyMessages } from '@/modules';
import { i18n, setLocale } from '@/i18n';
import { contractsEn, contractsHelpEn } from './contracts.en';
import { contractsHelpZhCN, contractsZhCN } from './contracts.zh-CN';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('contracts texts', () => {
  beforeAll(() => loadLazyMessages());

  it('have the same keys in both languages', () => {
    expect(keys(contractsZhCN)).toEqual(keys(contractsEn));
    expect(keys(contractsHelpZhCN)).toEqual(keys(contractsHelpEn));
  });

  it('load with the texts on demand and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('nav.contracts')).toBe('合同与回款');
    expect(i18n.global.t('contracts.plan.leftToPlan', { amount: '¥1' })).toBe('尚可计划：¥1');
    expect(i18n.global.t('help.targets.title')).toBe('销售目标');
    setLocale('en');
    for (const key of keys(contractsEn).map((k) => `contracts.${k}`)) {
      expect(() => i18n.global.t(key, { amount: 1, reason: 'x', from: 'a', to: 'b' })).not.toThrow();
    }
  });
});
