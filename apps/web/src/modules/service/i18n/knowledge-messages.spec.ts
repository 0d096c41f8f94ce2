import { beforeAll, describe, expect, it } from 'vitest';
import { loadLazyMessages } from '@/modules';
import { CaseType, KnowledgeArticleStatus } from '@kehu/contracts';
import { i18n, setLocale } from '@/i18n';
import { knowledgeEn, knowledgeHelpEn } from './knowledge.en';
import { knowledgeHelpZhCN, knowledgeZhCN } from './knowledge.zh-CN';
import { knowledgeSorts } from '../models/knowledge-article';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && !Array.isArray(value) ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe('knowledge texts', () => {
  beforeAll(() => loadLazyMessages());

  it('have the same keys in both languages', () => {
    expect(keys(knowledgeZhCN)).toEqual(keys(knowledgeEn));
    expect(keys(knowledgeHelpZhCN)).toEqual(keys(knowledgeHelpEn));
  });

  it('name every status, case type and sort', () => {
    expect(Object.keys(knowledgeEn.status).sort()).toEqual(Object.values(KnowledgeArticleStatus).sort());
    expect(Object.keys(knowledgeEn.caseTypes).sort()).toEqual(Object.values(CaseType).sort());
    expect(Object.keys(knowledgeEn.list.sort).sort()).toEqual(Object.keys(knowledgeSorts).sort());
  });

  it('load with the texts on demand and render', () => {
    setLocale('zh-CN');
    expect(i18n.global.t('nav.knowledge')).toBe('知识库');
    expect(i18n.global.t('help.knowledgeBase.title')).toBe('知识库');
    setLocale('en');
    expect(i18n.global.t('knowledge.article.helpfulShare', { share: '75%' })).toBe('75% found it helpful');
    for (const key of keys(knowledgeEn).map((k) => `knowledge.${k}`)) expect(() => i18n.global.t(key, { title: 'x', answer: 'y', share: '1%' })).not.toThrow();
  });
});
