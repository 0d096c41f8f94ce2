import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataQualityQuery, DataQualityReportDto, DuplicatePairDto, ListDuplicatePairsQuery, PageDtoOf, type Page } from '@kehu/contracts';
import { CurrentPrincipal, RequireModule, RequirePermission, type Principal } from '@kehu/server-core';
import { CustomerDataQualityService } from './customer-data-quality.service';

/** Registered before CustomersController so `/customers/duplicates` is not taken for an id. */
@ApiTags('customers')
@RequireModule('sales')
@RequirePermission('sales.customer.read')
@Controller('customers')
export class CustomerDataQualityController {
  constructor(private readonly quality: CustomerDataQualityService) {}

  /** Pairs of customers in your scope that share a phone, e-mail or company key. */
  @Get('duplicates')
  @ApiOkResponse({ type: PageDtoOf(DuplicatePairDto) })
  listCustomerDuplicates(@CurrentPrincipal() p: Principal, @Query() query: ListDuplicatePairsQuery): Promise<Page<DuplicatePairDto>> {
    return this.quality.pairs(p, query);
  }

  /** Missing fields, stale records, duplicates and completeness across your scope. */
  @Get('data-quality')
  @ApiOkResponse({ type: DataQualityReportDto })
  getCustomerDataQuality(@CurrentPrincipal() p: Principal, @Query() query: DataQualityQuery): Promise<DataQualityReportDto> {
    return this.quality.report(p, query.staleDays);
  }
}
