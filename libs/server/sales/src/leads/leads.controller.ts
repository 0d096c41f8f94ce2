import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  AssignLeadDto,
  AssignQueueResultDto,
  AuditEventDto,
  ConvertLeadDto,
  ConvertLeadQuery,
  CreateLeadDto,
  DuplicateCandidateDto,
  LeadAlreadyConvertedDto,
  LeadConversionDto,
  LeadDto,
  LeadDuplicateCandidateDto,
  LeadWriteQuery,
  ListLeadsQuery,
  PageDtoOf,
  PageQueryDto,
  ProblemDto,
  UpdateLeadDto,
  type Page,
} from '@kehu/contracts';
import { APP_CONFIG, CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type AppConfig, type Principal, type HttpReply } from '@kehu/server-core';
import { AuditEventsService } from '@kehu/server-identity';
import { toLeadDto } from './lead.mapper';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';

const LeadPageDto = PageDtoOf(LeadDto);

const problemWith = (description: string, properties: Record<string, object>) => ({
  description,
  content: { 'application/problem+json': { schema: { allOf: [{ $ref: getSchemaPath(ProblemDto) }, { type: 'object', properties }] } } },
});
const leadDuplicates = problemWith('DUPLICATE_SUSPECTED: a lead, customer or contact has the same phone or e-mail; the problem carries `candidates`. Repeat with allowDuplicate=true to keep both.', {
  candidates: { type: 'array', items: { $ref: getSchemaPath(LeadDuplicateCandidateDto) } },
});

/** Leads (线索): capture, the unassigned queue, assignment and conversion into customer + contact (+ opportunity). */
@ApiTags('leads')
@ApiExtraModels(LeadDuplicateCandidateDto, DuplicateCandidateDto, LeadAlreadyConvertedDto)
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such lead in your data scope.' })
@RequireModule('sales')
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly repo: LeadsRepository,
    private readonly audit: AuditEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Leads in your data scope; `unassigned=true` is the queue (seen with department or all scope). */
  @Get()
  @RequirePermission('sales.lead.read')
  @ApiOkResponse({ type: LeadPageDto })
  listLeads(@CurrentPrincipal() p: Principal, @Query() query: ListLeadsQuery): Promise<Page<LeadDto>> {
    return this.repo.list(p, query, this.config.defaultPhoneRegion);
  }

  /** Normalises and duplicate-checks the lead; without ownerId the assignment rules pick the owner, or it waits in the queue. */
  @Post()
  @RequirePermission('sales.lead.create')
  @ApiCreatedResponse({ type: LeadDto })
  @ApiConflictResponse(leadDuplicates)
  createLead(@CurrentPrincipal() p: Principal, @Query() query: LeadWriteQuery, @Body() dto: CreateLeadDto): Promise<LeadDto> {
    return this.leads.create(p, dto, query.allowDuplicate);
  }

  /** Re-runs the assignment rules for the queue leads in your scope (oldest first, up to 5000 per call). */
  @Post('assign-queue')
  @HttpCode(200)
  @RequirePermission('sales.lead.assign')
  @ApiOkResponse({ type: AssignQueueResultDto })
  assignLeadQueue(@CurrentPrincipal() p: Principal): Promise<AssignQueueResultDto> {
    return this.leads.assignQueue(p);
  }

  @Get(':id')
  @RequirePermission('sales.lead.read')
  @ApiOkResponse({ type: LeadDto, description: 'ETag carries the version for If-Match.' })
  async getLead(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<LeadDto> {
    const lead = await this.repo.get(p, id);
    setEtag(res, lead.version);
    return toLeadDto(lead);
  }

  /** Needs If-Match. disqualified needs disqualifiedReason; a converted lead is read-only (409). */
  @Patch(':id')
  @RequirePermission('sales.lead.update')
  @ApiOkResponse({ type: LeadDto })
  @ApiConflictResponse(leadDuplicates)
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateLead(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Query() query: LeadWriteQuery,
    @Body() dto: UpdateLeadDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<LeadDto> {
    const out = await this.leads.update(p, id, version, dto, query.allowDuplicate);
    setEtag(res, out.version);
    return out;
  }

  /** Moves the lead to the recycle bin. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.lead.delete')
  @ApiNoContentResponse()
  async deleteLead(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.leads.remove(p, id);
  }

  /** Brings a deleted lead back from the recycle bin. */
  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('sales.lead.delete')
  @ApiOkResponse({ type: LeadDto })
  restoreLead(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LeadDto> {
    return this.leads.restore(p, id);
  }

  /** Gives the lead to an active user (no cap); the lead takes that user's department. */
  @Post(':id/assign')
  @HttpCode(200)
  @RequirePermission('sales.lead.assign')
  @ApiOkResponse({ type: LeadDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: ownerId does not name an active user.' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CONFLICT: the lead is converted.' })
  async assignLead(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssignLeadDto, @Res({ passthrough: true }) res: HttpReply): Promise<LeadDto> {
    const out = await this.leads.assign(p, id, dto.ownerId);
    setEtag(res, out.version);
    return out;
  }

  /**
   * Needs If-Match. In one transaction: creates the customer from the lead (or links
   * `customerId`), the contact, optionally the opportunity, and marks the lead converted.
   * A second conversion answers 409 LEAD_ALREADY_CONVERTED with the first one's ids.
   */
  @Post(':id/convert')
  @HttpCode(200)
  @RequirePermission('sales.lead.convert')
  @ApiOkResponse({ type: LeadConversionDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: customerId is not a customer you can see; createOpportunity.* naming the opportunity field.' })
  @ApiConflictResponse(
    problemWith(
      'DUPLICATE_SUSPECTED (with `candidates`: customers like the lead\'s company; link one with customerId or repeat with allowDuplicate=true), LEAD_ALREADY_CONVERTED (with customerId, contactId, opportunityId, convertedAt of the first conversion), or CONFLICT (disqualified lead).',
      {
        candidates: { type: 'array', items: { $ref: getSchemaPath(DuplicateCandidateDto) } },
        customerId: { type: 'string', format: 'uuid' },
        contactId: { type: 'string', format: 'uuid', nullable: true },
        opportunityId: { type: 'string', format: 'uuid', nullable: true },
        convertedAt: { type: 'string', format: 'date-time' },
      },
    ),
  )
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async convertLead(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Query() query: ConvertLeadQuery,
    @Body() dto: ConvertLeadDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<LeadConversionDto> {
    const out = await this.leads.convert(p, id, version, dto, query.allowDuplicate);
    setEtag(res, out.lead.version);
    return out;
  }

  /** The History tab: every audited change, newest first. */
  @Get(':id/history')
  @RequirePermission('sales.lead.read')
  @ApiOkResponse({ type: PageDtoOf(AuditEventDto) })
  async getLeadHistory(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<AuditEventDto>> {
    await this.repo.get(p, id);
    return this.audit.history('lead', id, query);
  }
}
