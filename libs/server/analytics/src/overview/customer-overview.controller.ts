import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CustomerOverviewDto, ProblemDto } from '@kehu/contracts';
import { CurrentPrincipal, RequireModule, RequirePermission, type Principal } from '@kehu/server-core';
import { CustomerOverviewRepository } from './customer-overview.repository';

/** The customer 360 (客户全景), beside the customer's other sub-resources. */
@ApiTags('analytics')
@RequireModule('sales')
@Controller('customers')
export class CustomerOverviewController {
  constructor(private readonly overview: CustomerOverviewRepository) {}

  /** Pipeline, revenue, follow-ups, service and value of one customer in one answer; each figure counts only records in your scope of its kind. */
  @Get(':id/overview')
  @RequirePermission('sales.customer.read')
  @ApiOkResponse({ type: CustomerOverviewDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such customer in your sales.customer.read scope.' })
  getCustomerOverview(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CustomerOverviewDto> {
    return this.overview.overview(p, id);
  }
}
