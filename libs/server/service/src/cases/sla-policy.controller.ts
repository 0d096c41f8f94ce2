import { Body, Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { ProblemDto, SlaPolicyDto, SlaRunResultDto, UpdateSlaPolicyDto } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type HttpReply, type Principal } from '@kehu/server-core';
import { SlaClockJob } from './sla-clock.job';
import { SlaPolicyService } from './sla-policy.service';

/** The company SLA policy (服务水平): business calendar, targets per priority, auto-close. */
@ApiTags('service')
@RequireModule('service')
@Controller('service')
export class SlaPolicyController {
  constructor(
    private readonly sla: SlaPolicyService,
    private readonly clocks: SlaClockJob,
  ) {}

  /** Readable by everyone who works cases (the clocks it sets are on every case). */
  @Get('sla-policy')
  @RequirePermission('service.case.read')
  @ApiOkResponse({ type: SlaPolicyDto, description: 'ETag carries the version for If-Match.' })
  async getSlaPolicy(@Res({ passthrough: true }) res: HttpReply): Promise<SlaPolicyDto> {
    const out = await this.sla.get();
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. Applies to cases raised or re-prioritised afterwards. */
  @Patch('sla-policy')
  @RequirePermission('service.sla.manage')
  @ApiOkResponse({ type: SlaPolicyDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming the field: unknown time zone, overlapping or reversed hours, a priority missing or twice, business-hour targets without working hours.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateSlaPolicy(@CurrentPrincipal() p: Principal, @IfMatch() version: number, @Body() dto: UpdateSlaPolicyDto, @Res({ passthrough: true }) res: HttpReply): Promise<SlaPolicyDto> {
    const out = await this.sla.update(p, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Runs the minute job now: marks breached clocks (notifying the agents) and auto-closes resolved cases. */
  @Post('sla-clock/run')
  @HttpCode(200)
  @RequirePermission('service.sla.manage')
  @ApiOkResponse({ type: SlaRunResultDto })
  runSlaClock(): Promise<SlaRunResultDto> {
    return this.clocks.run();
  }
}
