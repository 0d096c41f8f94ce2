import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OwnershipHistoryEntryDto, ProblemDto } from '@kehu/contracts';
import { CurrentPrincipal, DomainException, RequireModule, RequirePermission, type Principal } from '@kehu/server-core';
import { Customer, CustomersRepository } from '@kehu/server-customers';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PoolsService } from '../pools/pools.service';
import { OwnershipHistoryRepository } from './ownership-history.repository';

@ApiTags('customers')
@RequireModule('sales')
@Controller('customers')
export class OwnershipHistoryController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly customers: CustomersRepository,
    private readonly pools: PoolsService,
    private readonly history: OwnershipHistoryRepository,
  ) {}

  /**
   * Who owned the customer from when to when, oldest first, with the reason in words (zh/en)
   * and who did it (null = the return job). The first row is its creation (or import into a pool).
   * Readable for customers in your sales.customer.read scope and for customers waiting in a pool you may see.
   */
  @Get(':id/ownership-history')
  @RequirePermission('sales.customer.read')
  @ApiOkResponse({ type: [OwnershipHistoryEntryDto] })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such customer in your data scope or in a pool you may see.' })
  async getOwnershipHistory(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OwnershipHistoryEntryDto[]> {
    const inScope = await this.customers.get(p, id).then(() => true, () => false);
    if (!inScope) {
      const row = await this.ds.getRepository(Customer).findOne({ where: { id }, select: { id: true, ownerId: true, poolId: true } });
      if (!row || row.ownerId || !row.poolId || !(await this.pools.visibleIds(p)).includes(row.poolId)) throw DomainException.notFound('Customer');
    }
    return this.history.periods(id);
  }
}
