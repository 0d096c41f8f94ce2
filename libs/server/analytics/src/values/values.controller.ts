import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CustomerValueDto, ProblemDto, RfmOverviewDto, UpdateValueSettingsDto, ValueSettingsDto } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type HttpReply, type Principal } from '@kehu/server-core';
import { CustomerValuesRepository } from './customer-values.repository';
import { ValueScoringService } from './value-scoring.service';

/** Customer value (客户价值): RFM, lifetime and referral value; settings and recompute. */
@ApiTags('analytics')
@RequireModule('analytics')
@Controller('analytics')
export class ValuesController {
  constructor(
    private readonly scoring: ValueScoringService,
    private readonly values: CustomerValuesRepository,
  ) {}

  /** Window and referral share, with the last run (poll it while a recompute runs). */
  @Get('value-settings')
  @RequirePermission('analytics.value.read')
  @ApiOkResponse({ type: ValueSettingsDto, description: 'ETag carries the version for If-Match.' })
  async getValueSettings(@Res({ passthrough: true }) res: HttpReply): Promise<ValueSettingsDto> {
    const out = await this.scoring.settings();
    setEtag(res, out.version);
    return out;
  }

  /** Changes how values are computed (If-Match); they change at the next recompute. */
  @Put('value-settings')
  @RequirePermission('analytics.value.manage')
  @ApiOkResponse({ type: ValueSettingsDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: window 1–60 months, share 0–100 %.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateValueSettings(@IfMatch() version: number, @Body() dto: UpdateValueSettingsDto, @Res({ passthrough: true }) res: HttpReply): Promise<ValueSettingsDto> {
    const out = await this.scoring.updateSettings(version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Starts a recompute of every customer's value (it runs in the background; lastRun shows when it is done). */
  @Post('values/recompute')
  @HttpCode(202)
  @RequirePermission('analytics.value.manage')
  @ApiAcceptedResponse({ type: ValueSettingsDto, description: 'lastRun.startedAt is set, finishedAt null until it is done.' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CONFLICT: a recompute is already running.' })
  recomputeValues(): Promise<ValueSettingsDto> {
    return this.scoring.requestRecompute();
  }

  /** The R × F grid and RFM segments of the customers you may see. */
  @Get('rfm')
  @RequirePermission('analytics.value.read')
  @ApiOkResponse({ type: RfmOverviewDto })
  async getRfmOverview(@CurrentPrincipal() p: Principal): Promise<RfmOverviewDto> {
    const settings = await this.scoring.settings();
    return this.values.overview(p, settings.lastRun?.finishedAt && !settings.lastRun.error ? settings.lastRun.finishedAt : null);
  }
}

/** One customer's value, beside its other sub-resources. */
@ApiTags('analytics')
@RequireModule('analytics')
@Controller('customers')
export class CustomerValueController {
  constructor(private readonly values: CustomerValuesRepository) {}

  @Get(':id/value')
  @RequirePermission('analytics.value.read')
  @ApiOkResponse({ type: CustomerValueDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such customer in your analytics.value.read scope.' })
  getCustomerValue(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CustomerValueDto> {
    return this.values.get(p, id);
  }
}
