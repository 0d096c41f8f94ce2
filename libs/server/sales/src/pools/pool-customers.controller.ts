import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  AssignCustomerDto,
  BatchClaimDto,
  BatchClaimResultDto,
  ClaimResultDto,
  MoveCustomerPoolDto,
  PoolCustomerDetailDto,
  PoolCustomerDto,
  ProblemDto,
  ReleaseCustomerDto,
} from '@kehu/contracts';
import { CurrentPrincipal, RequireModule, RequirePermission, type Principal } from '@kehu/server-core';
import { PoolCustomersService } from './pool-customers.service';

class CustomerLockDto {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedAt: string | null;
}

const claimRefusals =
  'NOT_IN_POOL: the customer has an owner (someone claimed it first). CLAIM_WAITING_PERIOD: it entered the pool less than claimWaitDays ago (extensions.claimableFrom). ' +
  'RECLAIM_COOLDOWN: you owned it within reclaimCooldownDays (extensions.claimableFrom). CLAIM_DAILY_LIMIT: you reached dailyClaimLimit for this pool today. ' +
  'OWNER_CAPACITY_REACHED: you own maxOwned customers already.';
const notFound = { type: ProblemDto, description: 'No such customer waiting in a pool you may see (or owned within your scope, where the operation allows it).' };

/** Claiming, releasing, assigning, locking and moving customers between owners and pools. */
@ApiTags('pools')
@RequireModule('sales')
@Controller('pools/customers')
export class PoolCustomersController {
  constructor(private readonly customers: PoolCustomersService) {}

  /**
   * Claims up to 200 customers. Per-row results, in the order given: each row is claimed or
   * refused on its own (code = the refusal's error code); rows before a refusal stay claimed.
   */
  @Post('batch-claim')
  @HttpCode(200)
  @RequirePermission('sales.pool.claim')
  @ApiOkResponse({ type: BatchClaimResultDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  batchClaimCustomers(@CurrentPrincipal() p: Principal, @Body() dto: BatchClaimDto): Promise<BatchClaimResultDto> {
    return this.customers.batchClaim(p, dto.customerIds);
  }

  /** The preview before claiming, in one call: the customer, its ownership history and its last 20 follow-ups. */
  @Get(':customerId')
  @RequirePermission('sales.pool.read')
  @ApiOkResponse({ type: PoolCustomerDetailDto })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ type: ProblemDto, description: 'NOT_IN_POOL: the customer has an owner.' })
  getPoolCustomer(@CurrentPrincipal() p: Principal, @Param('customerId', ParseUUIDPipe) id: string): Promise<PoolCustomerDetailDto> {
    return this.customers.detail(p, id);
  }

  /** Makes you the owner (department and claim time too; contacts follow). Of two claims at the same moment exactly one wins. */
  @Post(':customerId/claim')
  @HttpCode(200)
  @RequirePermission('sales.pool.claim')
  @ApiOkResponse({ type: ClaimResultDto })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ type: ProblemDto, description: claimRefusals })
  claimCustomer(@CurrentPrincipal() p: Principal, @Param('customerId', ParseUUIDPipe) id: string): Promise<ClaimResultDto> {
    return this.customers.claim(p, id);
  }

  /** Gives your customer (or one in your scope) back to its pool (or poolId), with a reason. */
  @Post(':customerId/release')
  @HttpCode(200)
  @RequirePermission('sales.pool.claim')
  @ApiOkResponse({ type: PoolCustomerDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: reason missing, poolId disabled.' })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ type: ProblemDto, description: 'CUSTOMER_LOCKED: unlock it first. CONFLICT: already in the pool.' })
  releaseCustomer(@CurrentPrincipal() p: Principal, @Param('customerId', ParseUUIDPipe) id: string, @Body() dto: ReleaseCustomerDto): Promise<PoolCustomerDto> {
    return this.customers.release(p, id, dto);
  }

  /** A manager assigns a pool customer, or reassigns one in their scope, to a user of their departments. */
  @Post(':customerId/assign')
  @HttpCode(200)
  @RequirePermission('sales.pool.assign')
  @ApiOkResponse({ type: ClaimResultDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: ownerId not an active user of your departments.' })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ type: ProblemDto, description: 'OWNER_CAPACITY_REACHED: the new owner is full. CUSTOMER_LOCKED: unlock it first.' })
  assignPoolCustomer(@CurrentPrincipal() p: Principal, @Param('customerId', ParseUUIDPipe) id: string, @Body() dto: AssignCustomerDto): Promise<ClaimResultDto> {
    return this.customers.assign(p, id, dto);
  }

  /** Locked customers never return to the pool (the owner's maxLocked applies). */
  @Post(':customerId/lock')
  @HttpCode(200)
  @RequirePermission('sales.pool.lock')
  @ApiOkResponse({ type: CustomerLockDto })
  @ApiNotFoundResponse(notFound)
  @ApiConflictResponse({ type: ProblemDto, description: 'LOCK_CAPACITY_REACHED: the owner has maxLocked locked customers. CONFLICT: the customer has no owner.' })
  lockCustomer(@CurrentPrincipal() p: Principal, @Param('customerId', ParseUUIDPipe) id: string): Promise<CustomerLockDto> {
    return this.customers.setLock(p, id, true);
  }

  @Post(':customerId/unlock')
  @HttpCode(200)
  @RequirePermission('sales.pool.lock')
  @ApiOkResponse({ type: CustomerLockDto })
  @ApiNotFoundResponse(notFound)
  unlockCustomer(@CurrentPrincipal() p: Principal, @Param('customerId', ParseUUIDPipe) id: string): Promise<CustomerLockDto> {
    return this.customers.setLock(p, id, false);
  }

  /** Moves a waiting customer to another pool, or changes where an owned one returns to (admins of both pools or sales.pool.manage). */
  @Post(':customerId/move')
  @HttpCode(200)
  @RequirePermission('sales.pool.claim')
  @ApiOkResponse({ type: PoolCustomerDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse(notFound)
  moveCustomerPool(@CurrentPrincipal() p: Principal, @Param('customerId', ParseUUIDPipe) id: string, @Body() dto: MoveCustomerPoolDto): Promise<PoolCustomerDto> {
    return this.customers.move(p, id, dto.poolId);
  }
}
