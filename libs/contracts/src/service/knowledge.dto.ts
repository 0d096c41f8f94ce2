import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { BooleanField, EnumField, QueryBooleanField, ResponseField, StringField } from '../common/fields.decorator';
import { PageQueryDto } from '../common/page-query.dto';
import { CaseType } from './case.enums';
import { KnowledgeArticleStatus } from './knowledge.enums';

/** Limits of a knowledge article (知识库文章), shared by the API and the SPA. */
export const KnowledgeLimits = {
  titleMaxLength: 200,
  problemMaxLength: 20_000,
  solutionMaxLength: 50_000,
  categoryMaxLength: 60,
  tagsMaxItems: 20,
  tagMaxLength: 30,
  /** The list's stand-in for the text: the first characters of the problem. */
  excerptLength: 240,
  searchMaxLength: 100,
  /** At most this many words of a search, each of which must occur. */
  searchMaxTerms: 5,
  /** listKnowledgeCategories answers at most this many, the largest first. */
  categoriesMax: 200,
} as const;

/** The article's sorts: public name → what the list orders by. */
export const KNOWLEDGE_SORTS = ['updatedAt', 'title', 'viewCount', 'helpfulCount'] as const;

/** Trimmed, without empty items and repeats (case-insensitive), order kept. */
export function normalizeTags(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of value) {
    if (typeof item !== 'string') {
      out.push(item);
      continue;
    }
    const tag = item.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** Tags: at most 20, each 1–30 characters, trimmed and de-duplicated. */
function TagsField(options: { optional?: boolean }): PropertyDecorator {
  const doc = { type: [String], maxItems: KnowledgeLimits.tagsMaxItems, description: `At most ${KnowledgeLimits.tagsMaxItems} tags of 1–${KnowledgeLimits.tagMaxLength} characters; trimmed, repeats dropped.`, example: ['打印机', '卡纸'] } as ApiPropertyOptions;
  const decorators: PropertyDecorator[] = [
    Transform(({ value }) => normalizeTags(value)),
    IsArray(),
    ArrayMaxSize(KnowledgeLimits.tagsMaxItems),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(KnowledgeLimits.tagMaxLength, { each: true }),
    options.optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
  ];
  if (options.optional) decorators.unshift(IsOptional());
  return (target, key) => decorators.forEach((d) => d(target, key));
}

export class KnowledgeArticleDto {
  @ResponseField({ format: 'uuid' }) id: string;
  @ResponseField({ example: 'KB-000123' }) number: string;
  @ResponseField({ example: '打印机卡纸，无法打印' }) title: string;
  /** The problem as the customer describes it. null in lists (the excerpt stands in); getKnowledgeArticle has it. */
  @ResponseField({ type: String, nullable: true }) problem: string | null;
  /** The solution, step by step. null in lists; getKnowledgeArticle has it. */
  @ResponseField({ type: String, nullable: true }) solution: string | null;
  /** The first characters of the problem, for lists. */
  @ResponseField() excerpt: string;
  @ResponseField({ type: String, nullable: true, example: '打印机' }) category: string | null;
  @ResponseField({ type: [String] }) tags: string[];
  /** The kind of case it applies to; null: any. */
  @ResponseField({ enum: CaseType, enumName: 'CaseType', nullable: true }) caseType: CaseType | null;
  @ResponseField({ enum: KnowledgeArticleStatus, enumName: 'KnowledgeArticleStatus' }) status: KnowledgeArticleStatus;
  /** When it was last published. */
  @ResponseField({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) publishedBy: string | null;
  @ResponseField({ type: 'integer' }) viewCount: number;
  @ResponseField({ type: 'integer' }) helpfulCount: number;
  @ResponseField({ type: 'integer' }) notHelpfulCount: number;
  /** Cases resolved with this article; only on getKnowledgeArticle (null in lists). */
  @ResponseField({ type: 'integer', nullable: true }) solvedCaseCount: number | null;
  /** Whether you may edit, publish, archive and delete it (service.knowledge.manage covering its author); null in lists. */
  @ResponseField({ type: Boolean, nullable: true }) canManage: boolean | null;
  /** Your own feedback (true helpful, false not helpful), null when none or in lists. */
  @ResponseField({ type: Boolean, nullable: true }) myFeedback: boolean | null;
  /** The author. */
  @ResponseField({ format: 'uuid' }) ownerId: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ResponseField({ format: 'date-time' }) createdAt: string;
  @ResponseField({ format: 'date-time' }) updatedAt: string;
  @ResponseField({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  /** Bumped by edits and status changes; views and feedback do not touch it. */
  @ResponseField() version: number;
}

/** A new article is a draft of yours (owner and department are the caller's). */
export class CreateKnowledgeArticleDto {
  @StringField({ maxLength: KnowledgeLimits.titleMaxLength, minLength: 1, example: '打印机卡纸，无法打印' }) title: string;
  @StringField({ maxLength: KnowledgeLimits.problemMaxLength, minLength: 1, example: '打印时提示卡纸，取出纸张后仍然报错。' }) problem: string;
  @StringField({ maxLength: KnowledgeLimits.solutionMaxLength, minLength: 1, example: '1. 关闭电源\n2. 打开后盖，清理搓纸轮\n3. 重新开机' }) solution: string;
  @StringField({ optional: true, nullable: true, maxLength: KnowledgeLimits.categoryMaxLength, example: '打印机' }) category?: string | null;
  @TagsField({ optional: true }) tags?: string[];
  @EnumField(CaseType, 'CaseType', { optional: true, nullable: true }) caseType?: CaseType | null;
}

/** Needs If-Match. A published article stays published with the new text. */
export class UpdateKnowledgeArticleDto {
  @StringField({ optional: true, maxLength: KnowledgeLimits.titleMaxLength, minLength: 1 }) title?: string;
  @StringField({ optional: true, maxLength: KnowledgeLimits.problemMaxLength, minLength: 1 }) problem?: string;
  @StringField({ optional: true, maxLength: KnowledgeLimits.solutionMaxLength, minLength: 1 }) solution?: string;
  @StringField({ optional: true, nullable: true, maxLength: KnowledgeLimits.categoryMaxLength }) category?: string | null;
  @TagsField({ optional: true }) tags?: string[];
  @EnumField(CaseType, 'CaseType', { optional: true, nullable: true }) caseType?: CaseType | null;
}

export class KnowledgeFeedbackDto {
  /** true: it helped; false: it did not. Sending again changes your vote (one per person). */
  @BooleanField({ example: true }) helpful: boolean;
}

/** The counts after your feedback. */
export class KnowledgeFeedbackResultDto {
  @ResponseField({ type: 'integer' }) helpfulCount: number;
  @ResponseField({ type: 'integer' }) notHelpfulCount: number;
  @ResponseField() myFeedback: boolean;
}

export class KnowledgeCategoryDto {
  @ResponseField({ example: '打印机' }) category: string;
  /** Articles you can see in it. */
  @ResponseField({ type: 'integer' }) count: number;
}

export class ListKnowledgeArticlesQuery extends PageQueryDto {
  /** Words that must all occur in the title, problem or solution (Chinese from two characters, or Latin). */
  @StringField({ optional: true, maxLength: KnowledgeLimits.searchMaxLength, example: '卡纸' }) q?: string;
  /** draft and archived only show to managers (in their scope). */
  @EnumField(KnowledgeArticleStatus, 'KnowledgeArticleStatus', { optional: true }) status?: KnowledgeArticleStatus;
  @StringField({ optional: true, maxLength: KnowledgeLimits.categoryMaxLength }) category?: string;
  @StringField({ optional: true, maxLength: KnowledgeLimits.tagMaxLength }) tag?: string;
  /** Articles for this case type (those for any type included). */
  @EnumField(CaseType, 'CaseType', { optional: true }) caseType?: CaseType;
  /** The recycle bin: deleted articles in your service.knowledge.manage scope. */
  @QueryBooleanField({ description: 'The recycle bin: deleted articles in your manage scope.' }) deleted?: boolean;
  /** updatedAt, title, viewCount, helpfulCount; prefix - for descending. Default -updatedAt. */
  @StringField({ optional: true, maxLength: 30 }) sort?: string;
}
