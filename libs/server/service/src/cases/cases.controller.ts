import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  AssignCaseDto,
  CaseDto,
  CaseEventDto,
  CaseReplyDto,
  CaseSatisfactionDto,
  CaseStatusDto,
  CloseCaseDto,
  CreateCaseDto,
  ListCasesQuery,
  PageDtoOf,
  ProblemDto,
  ReopenCaseDto,
  ResolveCaseDto,
  UpdateCaseDto,
  type Page,
} from '@kehu/contracts';
import { CurrentPrincipal, DomainException, IfMatch, RequireModule, RequirePermission, setEtag, type HttpReply, type Principal } from '@kehu/server-core';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

const transition = { type: ProblemDto, description: 'CASE_STATUS_TRANSITION: the case is not in a status that allows this (extensions: currentStatus, allowed).' };

/** Cases (工单): a customer's service requests, complaints, disputes, returns and field jobs, under SLA clocks. */
@ApiTags('cases')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such case in your data scope (for the action’s permission).' })
@RequireModule('service')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
    private readonly repo: CasesRepository,
  ) {}

  /** Cases in your scope, newest first; filters for the queue views (active, breached, due before), keyset paging. */
  @Get()
  @RequirePermission('service.case.read')
  @ApiOkResponse({ type: PageDtoOf(CaseDto) })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: a filter or the sort is not allowed.' })
  listCases(@CurrentPrincipal() p: Principal, @Query() query: ListCasesQuery): Promise<Page<CaseDto>> {
    return this.repo.list(p, query);
  }

  /** Raises a case for a customer you can see; the SLA policy sets both clocks from its priority. */
  @Post()
  @RequirePermission('service.case.create')
  @ApiCreatedResponse({ type: CaseDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming the field: customerId you cannot see, contactId of another customer, ownerId outside your assign scope.' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: ownerId given without service.case.assign.' })
  createCase(@CurrentPrincipal() p: Principal, @Body() dto: CreateCaseDto): Promise<CaseDto> {
    return this.cases.create(p, dto);
  }

  @Get(':id')
  @RequirePermission('service.case.read')
  @ApiOkResponse({ type: CaseDto, description: 'ETag carries the version for If-Match.' })
  async getCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<CaseDto> {
    const out = await this.cases.get(p, id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. A new priority recomputes the running clocks from the time the case was raised. */
  @Patch(':id')
  @RequirePermission('service.case.update')
  @ApiOkResponse({ type: CaseDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming the field.' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CASE_STATUS_TRANSITION: the case is closed.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateCaseDto, @Res({ passthrough: true }) res: HttpReply): Promise<CaseDto> {
    const out = await this.cases.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** To the recycle bin. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('service.case.delete')
  @ApiNoContentResponse()
  async deleteCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.cases.remove(p, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('service.case.delete')
  @ApiOkResponse({ type: CaseDto })
  restoreCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CaseDto> {
    return this.cases.restore(p, id);
  }

  /** To another agent in your service.case.assign scope; the case's department follows the agent. */
  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermission('service.case.assign')
  @ApiOkResponse({ type: CaseDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: ownerId is not an active user in your scope.' })
  assignCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignCaseDto): Promise<CaseDto> {
    return this.cases.assign(p, id, dto);
  }

  /** A reply to the customer (stops the first-response clock; a new case becomes open) or, with internal, a note. */
  @Post(':id/replies')
  @HttpCode(200)
  @RequirePermission('service.case.update')
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'CASE_STATUS_TRANSITION: replies only to new / open / pending cases (notes always).' })
  replyToCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CaseReplyDto): Promise<CaseDto> {
    return this.workflow.reply(p, id, dto);
  }

  /** open (taken up, or back from waiting) or pending (waiting for the customer: the resolution clock stops). */
  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission('service.case.update')
  @ApiOkResponse({ type: CaseDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: status is not open or pending.' })
  @ApiConflictResponse(transition)
  setCaseStatus(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CaseStatusDto): Promise<CaseDto> {
    return this.workflow.setStatus(p, id, dto.status, dto.comment);
  }

  /** new / open / pending → resolved with the resolution (and the knowledge article that solved it). */
  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission('service.case.update')
  @ApiOkResponse({ type: CaseDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: resolution missing, knowledgeArticleId not a published article.' })
  @ApiConflictResponse(transition)
  resolveCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ResolveCaseDto): Promise<CaseDto> {
    return this.workflow.resolve(p, id, dto);
  }

  /** resolved / closed → open with the reason; counted in the reopen rate. */
  @Post(':id/reopen')
  @HttpCode(200)
  @RequirePermission('service.case.update')
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse(transition)
  reopenCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReopenCaseDto): Promise<CaseDto> {
    return this.workflow.reopen(p, id, dto.reason);
  }

  /** resolved → closed. */
  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission('service.case.update')
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse(transition)
  closeCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CloseCaseDto): Promise<CaseDto> {
    return this.workflow.close(p, id, dto.comment);
  }

  /** The customer's satisfaction (CSAT 1–5) once resolved; once per case. */
  @Post(':id/satisfaction')
  @HttpCode(200)
  @RequirePermission('service.case.update')
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'ALREADY_RATED: the case has a rating; CASE_STATUS_TRANSITION: not resolved yet.' })
  rateCase(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CaseSatisfactionDto): Promise<CaseDto> {
    return this.workflow.rate(p, id, dto);
  }

  /** The case's history and conversation, oldest first. */
  @Get(':id/events')
  @RequirePermission('service.case.read')
  @ApiOkResponse({ type: [CaseEventDto] })
  async listCaseEvents(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CaseEventDto[]> {
    if (!(await this.repo.readable(p).andWhere('c.id = :id', { id }).getExists())) throw DomainException.notFound('Case');
    return this.repo.events(id);
  }
}
