import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProblemDto, RevenueCubeDto, RevenueCubeQueryDto } from '@kehu/contracts';
import { CurrentPrincipal, RequireModule, RequirePermission, type Principal } from '@kehu/server-core';
import { RevenueCubeService } from './revenue-cube.service';

/** The revenue cube (营收分析): revenue or order count by two of province, period, department, owner. */
@ApiTags('analytics')
@RequireModule('analytics')
@Controller('analytics/revenue-cube')
export class RevenueCubeController {
  constructor(private readonly cube: RevenueCubeService) {}

  /** Pivot of paid revenue in your scope (own / team / department / all, on the order's owner). */
  @Get()
  @RequirePermission('analytics.revenue.read')
  @ApiOkResponse({ type: RevenueCubeDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: unknown dimension, month not YYYY-MM, to before from, more than 120 months, rows = columns.' })
  getRevenueCube(@CurrentPrincipal() p: Principal, @Query() q: RevenueCubeQueryDto): Promise<RevenueCubeDto> {
    return this.cube.query(p, q);
  }
}
