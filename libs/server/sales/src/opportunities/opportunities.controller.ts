import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateOpportunityDto,
  ListOpportunitiesQuery,
  MoveOpportunityStageDto,
  OpportunityDto,
  OpportunityHistoryDto,
  PageDtoOf,
  PageQueryDto,
  ProblemDto,
  UpdateOpportunityDto,
  type Page,
} from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { OpportunitiesRepository } from './opportunities.repository';
import { OpportunitiesService } from './opportunities.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field; customerId outside your sales.customer.read scope reads as absent.' };

/** Opportunities (商机): deals moving through a pipeline, with line items and stage history. */
@ApiTags('opportunities')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such opportunity in your data scope.' })
@RequireModule('sales')
@Controller('opportunities')
export class OpportunitiesController {
  constructor(
    private readonly opportunities: OpportunitiesService,
    private readonly repo: OpportunitiesRepository,
  ) {}

  /** Opportunities in your data scope, newest first, with filters and keyset paging (no line items). */
  @Get()
  @RequirePermission('sales.opportunity.read')
  @ApiOkResponse({ type: PageDtoOf(OpportunityDto) })
  listOpportunities(@CurrentPrincipal() p: Principal, @Query() query: ListOpportunitiesQuery): Promise<Page<OpportunityDto>> {
    return this.repo.list(p, query);
  }

  /** Owned by you (or ownerId, with department/all scope); with line items the amount is their sum. */
  @Post()
  @RequirePermission('sales.opportunity.create')
  @ApiCreatedResponse({ type: OpportunityDto })
  @ApiBadRequestResponse(badInput)
  createOpportunity(@CurrentPrincipal() p: Principal, @Body() dto: CreateOpportunityDto): Promise<OpportunityDto> {
    return this.opportunities.create(p, dto);
  }

  /** With line items. */
  @Get(':id')
  @RequirePermission('sales.opportunity.read')
  @ApiOkResponse({ type: OpportunityDto, description: 'ETag carries the version for If-Match.' })
  async getOpportunity(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<OpportunityDto> {
    await this.repo.get(p, id);
    const out = await this.repo.dto(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. lineItems replaces all lines and recomputes the amount. */
  @Patch(':id')
  @RequirePermission('sales.opportunity.update')
  @ApiOkResponse({ type: OpportunityDto })
  @ApiBadRequestResponse(badInput)
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateOpportunity(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateOpportunityDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<OpportunityDto> {
    const out = await this.opportunities.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** The kanban drag. Needs If-Match: 412 when someone changed it first. A lost stage needs lostReason. */
  @Post(':id/stage')
  @HttpCode(200)
  @RequirePermission('sales.opportunity.update')
  @ApiOkResponse({ type: OpportunityDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: stageId not in the pipeline, lostReason missing.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async moveOpportunityStage(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: MoveOpportunityStageDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<OpportunityDto> {
    const out = await this.opportunities.moveStage(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Moves the opportunity to the recycle bin. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.opportunity.delete')
  @ApiNoContentResponse()
  async deleteOpportunity(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.opportunities.remove(p, id);
  }

  /** Brings a deleted opportunity back from the recycle bin. */
  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('sales.opportunity.delete')
  @ApiOkResponse({ type: OpportunityDto })
  restoreOpportunity(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OpportunityDto> {
    return this.opportunities.restore(p, id);
  }

  /** The History tab: time in each stage and every audited change (newest first, paged). */
  @Get(':id/history')
  @RequirePermission('sales.opportunity.read')
  @ApiOkResponse({ type: OpportunityHistoryDto })
  getOpportunityHistory(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<OpportunityHistoryDto> {
    return this.opportunities.historyOf(p, id, query);
  }
}
