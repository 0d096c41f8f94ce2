import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateTargetDto, ListTargetsQuery, PageDtoOf, ProblemDto, TargetDto, TargetProgressListDto, TargetProgressQuery, UpdateTargetDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { toTargetDto } from './target.mapper';
import { TargetsService } from './targets.service';

/** Sales targets (销售目标) per month or quarter for the company, a department (its subtree) or a rep, and their progress. */
@ApiTags('targets')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such target in your data scope.' })
@RequireModule('sales')
@Controller('targets')
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get()
  @RequirePermission('sales.target.read')
  @ApiOkResponse({ type: PageDtoOf(TargetDto) })
  listTargets(@CurrentPrincipal() p: Principal, @Query() query: ListTargetsQuery): Promise<Page<TargetDto>> {
    return this.targets.list(p, query);
  }

  /** Target, actual and percent per target of the period in your scope (departments cover their subtree, the company everything). */
  @Get('progress')
  @RequirePermission('sales.target.read')
  @ApiOkResponse({ type: TargetProgressListDto })
  getTargetProgress(@CurrentPrincipal() p: Principal, @Query() query: TargetProgressQuery): Promise<TargetProgressListDto> {
    return this.targets.progress(p, query);
  }

  /** Managers: their departments and their users; company targets need all scope. */
  @Post()
  @RequirePermission('sales.target.manage')
  @ApiCreatedResponse({ type: TargetDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: subjectId missing / unknown / outside your departments, value not whole for new_customers.' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: a company target without all scope.' })
  @ApiConflictResponse({ type: ProblemDto, description: 'ALREADY_EXISTS: one target per period, level, subject and metric.' })
  createTarget(@CurrentPrincipal() p: Principal, @Body() dto: CreateTargetDto): Promise<TargetDto> {
    return this.targets.create(p, dto);
  }

  @Get(':id')
  @RequirePermission('sales.target.read')
  @ApiOkResponse({ type: TargetDto, description: 'ETag carries the version for If-Match.' })
  async getTarget(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<TargetDto> {
    const out = toTargetDto(await this.targets.get(p, id));
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. */
  @Patch(':id')
  @RequirePermission('sales.target.manage')
  @ApiOkResponse({ type: TargetDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming value.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateTarget(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateTargetDto, @Res({ passthrough: true }) res: HttpReply): Promise<TargetDto> {
    const out = await this.targets.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.target.manage')
  @ApiNoContentResponse()
  async deleteTarget(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.targets.remove(p, id);
  }
}
