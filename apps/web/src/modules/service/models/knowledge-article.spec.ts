import { describe, expect, it } from 'vitest';
import { CaseType, CreateKnowledgeArticleDto, KnowledgeArticleStatus, KnowledgeLimits, type KnowledgeArticleDto } from '@kehu/contracts';
import { validateDto } from '@/core/forms/validate-dto';
import {
  canArchive,
  canPublish,
  createKnowledgeBody,
  emptyKnowledgeFilters,
  emptyKnowledgeForm,
  formFromArticle,
  helpfulShare,
  knowledgeQuery,
  textParagraphs,
  updateKnowledgeBody,
} from './knowledge-article';

const article: KnowledgeArticleDto = {
  id: '0b7c2d0e-0000-4000-8000-000000000001',
  number: 'KB-000001',
  title: '打印机卡纸',
  problem: '打印时提示卡纸',
  solution: '1. 关机\n2. 清理搓纸轮',
  excerpt: '打印时提示卡纸',
  category: '打印机',
  tags: ['卡纸'],
  caseType: CaseType.REQUEST,
  status: KnowledgeArticleStatus.PUBLISHED,
  publishedAt: '2026-01-01T00:00:00.000Z',
  publishedBy: null,
  viewCount: 3,
  helpfulCount: 3,
  notHelpfulCount: 1,
  solvedCaseCount: 2,
  canManage: true,
  myFeedback: null,
  ownerId: '0b7c2d0e-0000-4000-8000-000000000002',
  departmentId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  version: 2,
};

describe('knowledge list query', () => {
  it('leaves blanks out and maps the sort', () => {
    expect(knowledgeQuery(emptyKnowledgeFilters())).toEqual({ q: undefined, status: undefined, category: undefined, tag: undefined, sort: '-updatedAt', deleted: undefined });
    expect(knowledgeQuery({ ...emptyKnowledgeFilters(), q: ' 卡纸 ', status: KnowledgeArticleStatus.DRAFT, category: '打印机', tag: ' 硬件 ', sort: 'helpfulDesc', deleted: true })).toEqual({
      q: '卡纸',
      status: 'draft',
      category: '打印机',
      tag: '硬件',
      sort: '-helpfulCount',
      deleted: true,
    });
  });
});

describe('knowledge form', () => {
  it('builds a trimmed create body with de-duplicated tags', () => {
    const body = createKnowledgeBody({ title: ' 标题 ', problem: ' 问题 ', solution: '方案\n第二行 ', category: ' ', tags: [' a ', 'A', 'b', ''], caseType: '' });
    expect(body).toEqual({ title: '标题', problem: '问题', solution: '方案\n第二行', category: undefined, tags: ['a', 'b'], caseType: undefined });
  });

  it('sends only what changed on update, clearing with null', () => {
    const form = formFromArticle(article);
    expect(updateKnowledgeBody(form, article)).toEqual({});
    expect(updateKnowledgeBody({ ...form, category: '', caseType: '', solution: '新方案' }, article)).toEqual({ category: null, caseType: null, solution: '新方案' });
  });

  it('is checked with the same DTO limits as the API', async () => {
    expect(await validateDto(CreateKnowledgeArticleDto, createKnowledgeBody({ ...emptyKnowledgeForm(), title: 't', problem: 'p', solution: 's' }))).toEqual({});
    const tooLong = await validateDto(CreateKnowledgeArticleDto, createKnowledgeBody({ ...emptyKnowledgeForm(), title: 'x'.repeat(KnowledgeLimits.titleMaxLength + 1), problem: 'p', solution: '' }));
    expect(Object.keys(tooLong).sort()).toEqual(['solution', 'title']);
    const tags = await validateDto(CreateKnowledgeArticleDto, { title: 't', problem: 'p', solution: 's', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) });
    expect(Object.keys(tags)).toEqual(['tags']);
  });
});

describe('knowledge article display', () => {
  it('splits plain text into paragraphs of lines', () => {
    expect(textParagraphs('一\r\n二\n\n\n三')).toEqual([['一', '二'], ['三']]);
    expect(textParagraphs('<b>x</b>')).toEqual([['<b>x</b>']]);
    expect(textParagraphs(null)).toEqual([]);
  });

  it('knows which steps a status allows and the helpful share', () => {
    expect([canPublish(KnowledgeArticleStatus.DRAFT), canPublish(KnowledgeArticleStatus.PUBLISHED), canPublish(KnowledgeArticleStatus.ARCHIVED)]).toEqual([true, false, true]);
    expect([canArchive(KnowledgeArticleStatus.DRAFT), canArchive(KnowledgeArticleStatus.PUBLISHED), canArchive(KnowledgeArticleStatus.ARCHIVED)]).toEqual([true, true, false]);
    expect(helpfulShare(article)).toBe(0.75);
    expect(helpfulShare({ helpfulCount: 0, notHelpfulCount: 0 })).toBeNull();
  });
});
