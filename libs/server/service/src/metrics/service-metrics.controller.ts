import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProblemDto, ServiceMetricsDto, ServiceMetricsQuery } from '@kehu/contracts';
import { CurrentPrincipal, RequireModule, RequirePermission, type Principal } from '@kehu/server-core';
import { ServiceMetricsService } from './service-metrics.service';

@ApiTags('service')
@RequireModule('service')
@Controller('service')
export class ServiceMetricsController {
  constructor(private readonly metrics: ServiceMetricsService) {}

  /** First-contact resolution, reopen rate, SLA met, satisfaction and time to resolve over a period, in your scope; per agent, day and type. */
  @Get('metrics')
  @RequirePermission('service.metrics.read')
  @ApiOkResponse({ type: ServiceMetricsDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: from after to, or a period over 366 days.' })
  getServiceMetrics(@CurrentPrincipal() p: Principal, @Query() query: ServiceMetricsQuery): Promise<ServiceMetricsDto> {
    return this.metrics.metrics(p, query);
  }
}
