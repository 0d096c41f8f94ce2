import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import {
  CreatePoolDto,
  ImportPoolCustomersDto,
  ImportPoolCustomersResultDto,
  ListPoolCustomersQuery,
  PageDtoOf,
  PoolCustomerDto,
  PoolDto,
  PoolQuotaDto,
  PoolReturnRunResultDto,
  ProblemDto,
  ReturningSoonDto,
  ReturningSoonQuery,
  UpdatePoolDto,
  type Page,
} from '@kehu/contracts';
import { Clock, CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { PoolCustomersService } from './pool-customers.service';
import { PoolReturnService } from './pool-return.service';
import { PoolsService } from './pools.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field (rules are validated field by field, e.g. rules.returnRules.0.days).' };

/** Public pools (公海): settings, the customers waiting in each, the return job. */
@ApiTags('pools')
@RequireModule('sales')
@Controller('pools')
export class PoolsController {
  constructor(
    private readonly pools: PoolsService,
    private readonly customers: PoolCustomersService,
    private readonly returns: PoolReturnService,
    private readonly clock: Clock,
  ) {}

  /** Pools you may see and claim from (all of them with sales.pool.manage), default first. */
  @Get()
  @RequirePermission('sales.pool.read')
  @ApiOkResponse({ type: [PoolDto] })
  listPools(@CurrentPrincipal() p: Principal): Promise<PoolDto[]> {
    return this.pools.list(p);
  }

  @Post()
  @RequirePermission('sales.pool.manage')
  @ApiCreatedResponse({ type: PoolDto })
  @ApiBadRequestResponse(badInput)
  createPool(@CurrentPrincipal() p: Principal, @Body() dto: CreatePoolDto): Promise<PoolDto> {
    return this.pools.create(p, dto);
  }

  /** Runs the return job now (as the daily schedule does, at the server's clock) and sends the pre-return reminders. */
  @Post('return-run')
  @HttpCode(200)
  @RequirePermission('sales.pool.manage')
  @ApiOkResponse({ type: PoolReturnRunResultDto })
  async runPoolReturn(): Promise<PoolReturnRunResultDto> {
    const now = this.clock.now();
    const result = await this.returns.run(now);
    return { ...result, reminded: await this.returns.remind(now) };
  }

  /** My customers that return to a pool within `days` (default: the pool's reminderDays, else 7), soonest first, with the rule. */
  @Get('returning-soon')
  @RequirePermission('sales.pool.read')
  @ApiOkResponse({ type: [ReturningSoonDto] })
  listReturningSoon(@CurrentPrincipal() p: Principal, @Query() q: ReturningSoonQuery): Promise<ReturningSoonDto[]> {
    return this.returns.returningSoon(p.userId, this.clock.now(), q.days);
  }

  @Get(':id')
  @RequirePermission('sales.pool.read')
  @ApiOkResponse({ type: PoolDto, description: 'ETag carries the version for If-Match.' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such pool you may see.' })
  async getPool(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<PoolDto> {
    const out = await this.pools.get(p, id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. */
  @Patch(':id')
  @RequirePermission('sales.pool.manage')
  @ApiOkResponse({ type: PoolDto })
  @ApiBadRequestResponse(badInput)
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'POOL_NOT_EMPTY: disabling a pool that holds customers. LAST_ENABLED_POOL: disabling the only enabled pool.' })
  async updatePool(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdatePoolDto, @Res({ passthrough: true }) res: HttpReply): Promise<PoolDto> {
    const out = await this.pools.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.pool.manage')
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'POOL_NOT_EMPTY: the pool holds customers. LAST_ENABLED_POOL: the only enabled pool. CONFLICT: the default pool.' })
  async deletePool(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.pools.remove(p, id);
  }

  /** Ownerless customers waiting in the pool, newest arrivals first, with why they came back, days in the pool and when they can be claimed. */
  @Get(':id/customers')
  @RequirePermission('sales.pool.read')
  @ApiOkResponse({ type: PageDtoOf(PoolCustomerDto) })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such pool you may see.' })
  listPoolCustomers(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() q: ListPoolCustomersQuery): Promise<Page<PoolCustomerDto>> {
    return this.customers.list(p, id, q);
  }

  /** Your claims today against the pool's daily limit, and your owned/locked customers against your capacity. */
  @Get(':id/quota')
  @RequirePermission('sales.pool.read')
  @ApiOkResponse({ type: PoolQuotaDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  getPoolQuota(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<PoolQuotaDto> {
    return this.customers.quota(p, id);
  }

  /** Creates ownerless customers straight in the pool, all or nothing (pool admins or sales.pool.manage). */
  @Post(':id/import')
  @RequirePermission('sales.pool.claim')
  @ApiCreatedResponse({ type: ImportPoolCustomersResultDto })
  @ApiBadRequestResponse(badInput)
  @ApiForbiddenResponse({ type: ProblemDto, description: 'FORBIDDEN: not an admin of the pool.' })
  @ApiNotFoundResponse({ type: ProblemDto })
  importPoolCustomers(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ImportPoolCustomersDto): Promise<ImportPoolCustomersResultDto> {
    return this.customers.importInto(p, id, dto);
  }
}
