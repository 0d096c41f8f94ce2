import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CommissionRuleDto,
  CommissionStatementDto,
  CommissionStatementQuery,
  ComputeCommissionStatementsDto,
  ComputeCommissionStatementsResultDto,
  CreateCommissionRuleDto,
  ListCommissionStatementsQuery,
  PageDtoOf,
  ProblemDto,
  UpdateCommissionRuleDto,
  type Page,
} from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { CommissionRulesService } from './commission-rules.service';
import { CommissionStatementsService } from './commission-statements.service';

/** Commission rules (提成规则): a one-off bonus per developed customer and/or a percentage of its paid orders for N months. */
@ApiTags('commissions')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such rule.' })
@RequireModule('sales')
@Controller('commission-rules')
export class CommissionRulesController {
  constructor(private readonly rules: CommissionRulesService) {}

  @Get()
  @RequirePermission('sales.commission.read')
  @ApiOkResponse({ type: [CommissionRuleDto] })
  listCommissionRules(): Promise<CommissionRuleDto[]> {
    return this.rules.list();
  }

  @Post()
  @RequirePermission('sales.commission-rule.manage')
  @ApiCreatedResponse({ type: CommissionRuleDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: neither bonusAmount nor ratePercent, ratePercent without months, effectiveTo before effectiveFrom.' })
  createCommissionRule(@Body() dto: CreateCommissionRuleDto): Promise<CommissionRuleDto> {
    return this.rules.create(dto);
  }

  @Get(':id')
  @RequirePermission('sales.commission.read')
  @ApiOkResponse({ type: CommissionRuleDto })
  async getCommissionRule(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<CommissionRuleDto> {
    const out = await this.rules.get(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. Confirmed statements keep what they were computed with. */
  @Patch(':id')
  @RequirePermission('sales.commission-rule.manage')
  @ApiOkResponse({ type: CommissionRuleDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming the field.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateCommissionRule(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateCommissionRuleDto, @Res({ passthrough: true }) res: HttpReply): Promise<CommissionRuleDto> {
    const out = await this.rules.update(id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.commission-rule.manage')
  @ApiNoContentResponse()
  async deleteCommissionRule(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.remove(id);
  }
}

/** Commission statements (提成结算单) per rep and month: compute (idempotent), read, confirm, export CSV. */
@ApiTags('commissions')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such statement in your scope.' })
@RequireModule('sales')
@Controller('commission-statements')
export class CommissionStatementsController {
  constructor(private readonly statements: CommissionStatementsService) {}

  /** Yours (reps) or your department's (managers), newest period first. */
  @Get()
  @RequirePermission('sales.commission.read')
  @ApiOkResponse({ type: PageDtoOf(CommissionStatementDto) })
  listCommissionStatements(@CurrentPrincipal() p: Principal, @Query() q: ListCommissionStatementsQuery): Promise<Page<CommissionStatementDto>> {
    return this.statements.list(p, q);
  }

  /**
   * Computes the month's statements for userId or every developer in your scope with
   * something to earn: a draft is replaced as a whole (same answer for the same data), a
   * confirmed statement is left as it is.
   */
  @Post()
  @HttpCode(200)
  @RequirePermission('sales.commission.manage')
  @ApiOkResponse({ type: ComputeCommissionStatementsResultDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: period not YYYY-MM, userId outside your scope, currency.' })
  async computeCommissionStatements(@CurrentPrincipal() p: Principal, @Body() dto: ComputeCommissionStatementsDto): Promise<ComputeCommissionStatementsResultDto> {
    return { statements: await this.statements.compute(p, dto) };
  }

  /** With lines. `?format=csv` answers the statement as CSV (UTF-8 with BOM, for Excel). */
  @Get(':id')
  @RequirePermission('sales.commission.read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: CommissionStatementDto, description: 'JSON, or with format=csv a text/csv attachment (UTF-8 with BOM; columns kind, customer, order, basis, rate %, bonus, amount, occurred at; a last total row).' })
  async getCommissionStatement(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: CommissionStatementQuery,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<CommissionStatementDto | string> {
    const s = await this.statements.get(p, id);
    if (q.format !== 'csv') return s;
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename="commission-${s.period}-${s.id.slice(0, 8)}.csv"`);
    return this.statements.csv(s);
  }

  /** Freezes the statement. */
  @Post(':id/confirm')
  @HttpCode(200)
  @RequirePermission('sales.commission.manage')
  @ApiOkResponse({ type: CommissionStatementDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'STATEMENT_CONFIRMED: already confirmed.' })
  confirmCommissionStatement(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CommissionStatementDto> {
    return this.statements.confirm(p, id);
  }
}
