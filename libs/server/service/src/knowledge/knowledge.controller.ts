import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateKnowledgeArticleDto,
  KnowledgeArticleDto,
  KnowledgeCategoryDto,
  KnowledgeFeedbackDto,
  KnowledgeFeedbackResultDto,
  ListKnowledgeArticlesQuery,
  PageDtoOf,
  ProblemDto,
  UpdateKnowledgeArticleDto,
  type Page,
} from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type HttpReply, type Principal } from '@kehu/server-core';
import { KNOWLEDGE_MANAGE, KNOWLEDGE_READ, KnowledgeRepository } from './knowledge.repository';
import { KnowledgeService } from './knowledge.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field: unknown field, wrong type, title / problem / solution / category / a tag too long, more than 20 tags, unknown caseType.' };
const transition = { type: ProblemDto, description: 'KNOWLEDGE_STATUS_TRANSITION: the article is not in a status that allows this (extensions: currentStatus, allowed).' };

/**
 * The knowledge base (知识库): problems and their solutions. Published articles are company
 * knowledge for every holder of service.knowledge.read; drafts and archived ones only show to
 * holders of service.knowledge.manage whose scope covers the author.
 */
@ApiTags('knowledge')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such article for you (a draft or archived one outside your manage scope; for writes, any article outside it).' })
@RequireModule('service')
@Controller('knowledge-articles')
export class KnowledgeController {
  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly repo: KnowledgeRepository,
  ) {}

  /** Articles you can read, newest change first; q searches title, problem and solution (every word must occur). */
  @Get()
  @RequirePermission(KNOWLEDGE_READ)
  @ApiOkResponse({ type: PageDtoOf(KnowledgeArticleDto), description: 'problem, solution, solvedCaseCount, canManage and myFeedback are null in lists; excerpt stands in for the text.' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: unknown sort or filter value; INVALID_CURSOR.' })
  listKnowledgeArticles(@CurrentPrincipal() p: Principal, @Query() query: ListKnowledgeArticlesQuery): Promise<Page<KnowledgeArticleDto>> {
    return this.repo.list(p, query);
  }

  /** The categories in use among the articles you can read, with their counts (largest first, at most 200): the list's filter. */
  @Get('categories')
  @RequirePermission(KNOWLEDGE_READ)
  @ApiOkResponse({ type: [KnowledgeCategoryDto] })
  listKnowledgeCategories(@CurrentPrincipal() p: Principal): Promise<KnowledgeCategoryDto[]> {
    return this.repo.categories(p);
  }

  /** A draft by you (owner and department are yours), numbered KB-000123. */
  @Post()
  @RequirePermission(KNOWLEDGE_MANAGE)
  @ApiCreatedResponse({ type: KnowledgeArticleDto, description: 'ETag carries the version for If-Match.' })
  @ApiBadRequestResponse(badInput)
  async createKnowledgeArticle(@CurrentPrincipal() p: Principal, @Body() dto: CreateKnowledgeArticleDto, @Res({ passthrough: true }) res: HttpReply): Promise<KnowledgeArticleDto> {
    const out = await this.knowledge.create(p, dto);
    setEtag(res, out.version);
    return out;
  }

  /** The article with the count of cases it solved, whether you may manage it and your feedback. Does not count a view. */
  @Get(':id')
  @RequirePermission(KNOWLEDGE_READ)
  @ApiOkResponse({ type: KnowledgeArticleDto, description: 'ETag carries the version for If-Match.' })
  async getKnowledgeArticle(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<KnowledgeArticleDto> {
    const out = await this.knowledge.get(p, id);
    setEtag(res, out.version);
    return out;
  }

  /** A reader opened the article: +1 view when it is published (previews of drafts are not counted). */
  @Post(':id/view')
  @HttpCode(204)
  @RequirePermission(KNOWLEDGE_READ)
  @ApiNoContentResponse()
  async viewKnowledgeArticle(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.knowledge.view(p, id);
  }

  /** Needs If-Match. A published article stays published with the new text. */
  @Patch(':id')
  @RequirePermission(KNOWLEDGE_MANAGE)
  @ApiOkResponse({ type: KnowledgeArticleDto })
  @ApiBadRequestResponse(badInput)
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else since your read (or an unreadable If-Match).' })
  @ApiResponse({ status: 428, type: ProblemDto, description: 'PRECONDITION_REQUIRED: send If-Match with the ETag of your read.' })
  async updateKnowledgeArticle(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateKnowledgeArticleDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<KnowledgeArticleDto> {
    const out = await this.knowledge.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** draft / archived → published: every reader sees it. */
  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission(KNOWLEDGE_MANAGE)
  @ApiOkResponse({ type: KnowledgeArticleDto })
  @ApiConflictResponse(transition)
  publishKnowledgeArticle(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<KnowledgeArticleDto> {
    return this.knowledge.publish(p, id);
  }

  /** draft / published → archived: withdrawn from readers; publish brings it back. */
  @Post(':id/archive')
  @HttpCode(200)
  @RequirePermission(KNOWLEDGE_MANAGE)
  @ApiOkResponse({ type: KnowledgeArticleDto })
  @ApiConflictResponse(transition)
  archiveKnowledgeArticle(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<KnowledgeArticleDto> {
    return this.knowledge.archive(p, id);
  }

  /** To the recycle bin (listKnowledgeArticles?deleted=true), in any status. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(KNOWLEDGE_MANAGE)
  @ApiNoContentResponse()
  async deleteKnowledgeArticle(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.knowledge.remove(p, id);
  }

  /** Brings a deleted article back from the recycle bin, in the status it had. */
  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission(KNOWLEDGE_MANAGE)
  @ApiOkResponse({ type: KnowledgeArticleDto })
  restoreKnowledgeArticle(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<KnowledgeArticleDto> {
    return this.knowledge.restore(p, id);
  }

  /** Was it helpful? One vote per person (sending the other answer moves it); only published articles. */
  @Post(':id/feedback')
  @HttpCode(200)
  @RequirePermission(KNOWLEDGE_READ)
  @ApiOkResponse({ type: KnowledgeFeedbackResultDto, description: 'The counts after your vote.' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: helpful missing or not a boolean.' })
  @ApiConflictResponse(transition)
  rateKnowledgeArticle(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: KnowledgeFeedbackDto): Promise<KnowledgeFeedbackResultDto> {
    return this.knowledge.rate(p, id, dto.helpful);
  }
}
