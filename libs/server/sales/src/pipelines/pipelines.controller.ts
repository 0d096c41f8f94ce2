import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreatePipelineDto, ListPipelinesQuery, PageDtoOf, PipelineBoardDto, PipelineBoardQuery, PipelineDto, ProblemDto, UpdatePipelineDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { OpportunitiesRepository } from '../opportunities/opportunities.repository';
import { PipelinesService } from './pipelines.service';

/** Pipelines (销售漏斗): company-wide stage lists; anyone who sees opportunities reads them, admins manage them. */
@ApiTags('pipelines')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such pipeline.' })
@RequireModule('sales')
@Controller('pipelines')
export class PipelinesController {
  constructor(
    private readonly pipelines: PipelinesService,
    private readonly opportunities: OpportunitiesRepository,
  ) {}

  /** All pipelines with their stages, the default first (one page). */
  @Get()
  @RequirePermission('sales.opportunity.read')
  @ApiOkResponse({ type: PageDtoOf(PipelineDto) })
  listPipelines(@Query() query: ListPipelinesQuery): Promise<Page<PipelineDto>> {
    return this.pipelines.list(query);
  }

  /** Stages in order; at least one won and one lost. isDefault moves the default here. */
  @Post()
  @RequirePermission('sales.pipeline.manage')
  @ApiCreatedResponse({ type: PipelineDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming the field (stages need a won and a lost stage, unique names).' })
  createPipeline(@CurrentPrincipal() p: Principal, @Body() dto: CreatePipelineDto): Promise<PipelineDto> {
    return this.pipelines.create(p, dto);
  }

  @Get(':id')
  @RequirePermission('sales.opportunity.read')
  @ApiOkResponse({ type: PipelineDto, description: 'ETag carries the version for If-Match.' })
  async getPipeline(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<PipelineDto> {
    const out = await this.pipelines.get(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. Replacing stages keeps the ids sent back; a stage holding opportunities cannot go (409 STAGE_IN_USE). */
  @Patch(':id')
  @RequirePermission('sales.pipeline.manage')
  @ApiOkResponse({ type: PipelineDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'STAGE_IN_USE: a removed (or kind-changed) stage holds opportunities; CONFLICT: the default must stay default and active.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updatePipeline(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdatePipelineDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<PipelineDto> {
    const out = await this.pipelines.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /**
   * The kanban: per stage the count, total and weighted amount over all opportunities in
   * your data scope, and the most recently updated cards with a cursor for more.
   */
  @Get(':id/board')
  @RequirePermission('sales.opportunity.read')
  @ApiOkResponse({ type: PipelineBoardDto })
  async getPipelineBoard(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PipelineBoardQuery): Promise<PipelineBoardDto> {
    const pipeline = await this.pipelines.get(id);
    return { pipeline, columns: await this.opportunities.board(p, pipeline, query) };
  }
}
