import { describe, expect, it } from 'vitest';
import { i18n, setLocale } from '@/i18n';
import { dealsEn, dealsHelpEn } from './deals.en';
import { dealsZhCN, dealsHelpZhCN } from './deals.zh-CN';
import { leadsEn, leadsHelpEn } from '@/modules/leads/i18n/leads.en';
import { leadsZhCN, leadsHelpZhCN } from '@/modules/leads/i18n/leads.zh-CN';
import { webFormsEn, webFormsHelpEn } from '@/modules/leads/i18n/web-forms.en';
import { webFormsZhCN, webFormsHelpZhCN } from '@/modules/leads/i18n/web-forms.zh-CN';
import '../routes';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('deals and leads texts', () => {
  it('have the same keys in both languages', () => {
    expect(keys(dealsZhCN)).toEqual(keys(dealsEn));
    expect(keys(dealsHelpZhCN)).toEqual(keys(dealsHelpEn));
    expect(keys(leadsZhCN)).toEqual(keys(leadsEn));
    expect(keys(leadsHelpZhCN)).toEqual(keys(leadsHelpEn));
    expect(keys(webFormsZhCN)).toEqual(keys(webFormsEn));
    expect(keys(webFormsHelpZhCN)).toEqual(keys(webFormsHelpEn));
  });

  it('are registered with the routes and render, next to the app texts', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('deals.board.count', { n: 3 })).toBe('3 个');
    expect(i18n.global.t('leads.list.queueResult', { examined: 3, assigned: 2, unassigned: 1 })).toContain('已分配 2 条');
    expect(i18n.global.t('help.dealsBoard.title')).toBe('商机看板');
    expect(i18n.global.t('help.dashboard.title')).toBe('首页');
    setLocale('en');
    expect(i18n.global.t('help.leadRules.title')).toBe('Assignment rules');
    expect(i18n.global.t('help.webForms.title')).toBe('Web forms');
    for (const key of [...keys(dealsEn).map((k) => `deals.${k}`), ...keys(leadsEn).map((k) => `leads.${k}`), ...keys(webFormsEn).map((k) => `webForms.${k}`)]) {
      expect(() => i18n.global.t(key, { n: 1, name: 'x', stage: 'y', at: 'z', examined: 1, assigned: 1, unassigned: 1 })).not.toThrow();
    }
  });
});
