import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CustomerGradeDto, GradingRecomputeResultDto, GradingRuleSetDto, OverrideCustomerGradeDto, ProblemDto, UpdateGradingRuleSetDto } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { GradingService } from './grading.service';

/** Customer grading rules (客户分级): ordered rules, first match wins; labels; recompute. */
@ApiTags('grading')
@RequireModule('sales')
@Controller('grading-rules')
export class GradingRulesController {
  constructor(private readonly grading: GradingService) {}

  /** The rule set with grade labels (everyone in sales reads the labels). */
  @Get()
  @RequirePermission('sales.customer.read')
  @ApiOkResponse({ type: GradingRuleSetDto, description: 'ETag carries the version for If-Match.' })
  async getGradingRules(@Res({ passthrough: true }) res: HttpReply): Promise<GradingRuleSetDto> {
    const out = await this.grading.ruleSet();
    setEtag(res, out.version);
    return out;
  }

  /** Replaces the rules, labels and default grade (If-Match). Customers are regraded by the daily job or recompute. */
  @Put()
  @RequirePermission('sales.grading.manage')
  @ApiOkResponse({ type: GradingRuleSetDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming the condition field missing for its type.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateGradingRules(@IfMatch() version: number, @Body() dto: UpdateGradingRuleSetDto, @Res({ passthrough: true }) res: HttpReply): Promise<GradingRuleSetDto> {
    const out = await this.grading.updateRuleSet(version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Regrades every customer now (set-based, in batches); overridden customers are left alone. */
  @Post('recompute')
  @HttpCode(200)
  @RequirePermission('sales.grading.manage')
  @ApiOkResponse({ type: GradingRecomputeResultDto })
  async recomputeGrades(): Promise<GradingRecomputeResultDto> {
    return { changed: await this.grading.recomputeAll() };
  }
}

/** The manual grade override of one customer. */
@ApiTags('grading')
@RequireModule('sales')
@Controller('customers')
export class CustomerGradeController {
  constructor(private readonly grading: GradingService) {}

  /** Sets the grade by hand with a reason and locks it against the job; grade null removes the override and regrades now. */
  @Post(':id/grade')
  @HttpCode(200)
  @RequirePermission('sales.grading.override')
  @ApiOkResponse({ type: CustomerGradeDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: grade not A–D, reason missing.' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such customer in your sales.grading.override scope.' })
  overrideCustomerGrade(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: OverrideCustomerGradeDto): Promise<CustomerGradeDto> {
    return this.grading.override(p, id, dto);
  }
}
