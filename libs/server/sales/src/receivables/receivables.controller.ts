import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreatePaymentDto, CreateReceivableDto, JobRunResultDto, ListReceivablesQuery, PageDtoOf, ProblemDto, ReceivableDto, ReceivablePlanDto, UpdateReceivableDto, type Page } from '@kehu/contracts';
import { Clock, CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { businessDay } from '../contracts/business-day';
import { OverdueRemindersJob } from './overdue-reminders.job';
import { ReceivablesRepository } from './receivables.repository';
import { ReceivablesService } from './receivables.service';

const notFound = { type: ProblemDto, description: 'No such contract / instalment in your data scope.' };
const notPlannable = { type: ProblemDto, description: 'CONTRACT_STATUS_TRANSITION: the contract is terminated.' };

/** Receivable plans (回款计划): instalments per sales contract, and payments (回款) against them. */
@ApiTags('receivables')
@ApiNotFoundResponse(notFound)
@RequireModule('sales')
@Controller()
export class ReceivablesController {
  constructor(
    private readonly receivables: ReceivablesService,
    private readonly repo: ReceivablesRepository,
    private readonly overdue: OverdueRemindersJob,
    private readonly clock: Clock,
  ) {}

  /** The contract's instalments by due date with their payments and statuses, and the totals. */
  @Get('sales-contracts/:id/receivables')
  @RequirePermission('sales.contract.read')
  @ApiOkResponse({ type: ReceivablePlanDto })
  getReceivablePlan(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ReceivablePlanDto> {
    return this.receivables.plan(p, id);
  }

  /** Adds an instalment; Σ instalments may not exceed the contract amount. */
  @Post('sales-contracts/:id/receivables')
  @RequirePermission('sales.receivable.manage')
  @ApiCreatedResponse({ type: ReceivableDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming amount: the instalments would exceed the contract amount.' })
  @ApiConflictResponse(notPlannable)
  createReceivable(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateReceivableDto): Promise<ReceivableDto> {
    return this.receivables.addInstalment(p, id, dto);
  }

  /** Instalments across contracts in your scope, by due date; status=overdue&ownerId=… for follow-up. */
  @Get('receivables')
  @RequirePermission('sales.contract.read')
  @ApiOkResponse({ type: PageDtoOf(ReceivableDto) })
  listReceivables(@CurrentPrincipal() p: Principal, @Query() query: ListReceivablesQuery): Promise<Page<ReceivableDto>> {
    return this.repo.list(p, query, businessDay(this.clock));
  }

  /** Runs the daily overdue reminders now (idempotent: one notification per instalment and due date). */
  @Post('receivables/overdue-reminders/run')
  @HttpCode(200)
  @RequirePermission('sales.revenue-job.run')
  @ApiOkResponse({ type: JobRunResultDto, description: 'affected: reminders sent.' })
  runOverdueReminders(): Promise<JobRunResultDto> {
    return this.overdue.run();
  }

  /** Needs If-Match. The amount may not drop below what was received. */
  @Patch('receivables/:id')
  @RequirePermission('sales.receivable.manage')
  @ApiOkResponse({ type: ReceivableDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming amount: over the contract amount or below what was received.' })
  @ApiConflictResponse(notPlannable)
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateReceivable(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateReceivableDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<ReceivableDto> {
    const out = await this.receivables.updateInstalment(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  @Delete('receivables/:id')
  @HttpCode(204)
  @RequirePermission('sales.receivable.manage')
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDto, description: 'INSTALMENT_HAS_PAYMENTS: payments were recorded against it.' })
  async deleteReceivable(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.receivables.removeInstalment(p, id);
  }

  /** Records a payment; answers the instalment with its new status. */
  @Post('receivables/:id/payments')
  @RequirePermission('sales.receivable.manage')
  @ApiCreatedResponse({ type: ReceivableDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: receivedOn in the future, bad method or amount.' })
  @ApiConflictResponse({ type: ProblemDto, description: 'PAYMENT_EXCEEDS_DUE: more than the outstanding amount (extensions: outstanding); CONTRACT_STATUS_TRANSITION: the contract is not approved / active / expired.' })
  recordPayment(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreatePaymentDto): Promise<ReceivableDto> {
    return this.receivables.recordPayment(p, id, dto);
  }
}
