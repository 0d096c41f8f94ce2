import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ContractApprovalDto,
  ContractDecisionDto,
  CreateSalesContractDto,
  JobRunResultDto,
  ListSalesContractsQuery,
  PageDtoOf,
  ProblemDto,
  RejectContractDto,
  SalesContractDto,
  TerminateContractDto,
  UpdateSalesContractDto,
  type Page,
} from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { ContractRenewalsJob } from './contract-renewals.job';
import { SalesContractsRepository } from './contracts.repository';
import { SalesContractsService } from './contracts.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field: customerId you cannot see, opportunityId of another customer, endDate before startDate, amount below the planned instalments.' };
const transition = { type: ProblemDto, description: 'CONTRACT_STATUS_TRANSITION: the contract is not in a status that allows this (extensions: currentStatus, allowed).' };

/** Sales contracts (销售合同) with a manager's approval step; `sales-contracts` so they are never confused with service contracts. */
@ApiTags('sales-contracts')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such contract in your data scope (for approve / reject / terminate: in your sales.contract.approve scope).' })
@RequireModule('sales')
@Controller('sales-contracts')
export class SalesContractsController {
  constructor(
    private readonly contracts: SalesContractsService,
    private readonly repo: SalesContractsRepository,
    private readonly renewals: ContractRenewalsJob,
  ) {}

  /** Contracts in your data scope, newest first, with filters (customerId for the customer page) and keyset paging. */
  @Get()
  @RequirePermission('sales.contract.read')
  @ApiOkResponse({ type: PageDtoOf(SalesContractDto) })
  listSalesContracts(@CurrentPrincipal() p: Principal, @Query() query: ListSalesContractsQuery): Promise<Page<SalesContractDto>> {
    return this.repo.list(p, query);
  }

  /** A draft owned by you (or ownerId, with department/all scope); the number is generated unless given. */
  @Post()
  @RequirePermission('sales.contract.create')
  @ApiCreatedResponse({ type: SalesContractDto })
  @ApiBadRequestResponse(badInput)
  @ApiConflictResponse({ type: ProblemDto, description: 'ALREADY_EXISTS: the number is taken.' })
  createSalesContract(@CurrentPrincipal() p: Principal, @Body() dto: CreateSalesContractDto): Promise<SalesContractDto> {
    return this.contracts.create(p, dto);
  }

  /** Runs the daily contract job now: approved → active / expired by the term, and renewal opportunities for contracts ending within 60 days (once per contract). */
  @Post('renewals/run')
  @HttpCode(200)
  @RequirePermission('sales.revenue-job.run')
  @ApiOkResponse({ type: JobRunResultDto, description: 'affected: renewal opportunities created.' })
  runContractRenewals(): Promise<JobRunResultDto> {
    return this.renewals.run();
  }

  /** With receivable totals (planned, received, outstanding, overdue). */
  @Get(':id')
  @RequirePermission('sales.contract.read')
  @ApiOkResponse({ type: SalesContractDto, description: 'ETag carries the version for If-Match.' })
  async getSalesContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<SalesContractDto> {
    const out = await this.contracts.get(p, id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. Terms only while draft or rejected. */
  @Patch(':id')
  @RequirePermission('sales.contract.update')
  @ApiOkResponse({ type: SalesContractDto })
  @ApiBadRequestResponse(badInput)
  @ApiConflictResponse({ type: ProblemDto, description: 'CONTRACT_STATUS_TRANSITION: terms of a submitted / approved contract; ALREADY_EXISTS: number taken.' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateSalesContract(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateSalesContractDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<SalesContractDto> {
    const out = await this.contracts.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Only drafts; to the recycle bin. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.contract.delete')
  @ApiNoContentResponse()
  @ApiConflictResponse(transition)
  async deleteSalesContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.contracts.remove(p, id);
  }

  /** draft / rejected → pending_approval. */
  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('sales.contract.update')
  @ApiOkResponse({ type: SalesContractDto })
  @ApiConflictResponse(transition)
  submitSalesContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ContractDecisionDto): Promise<SalesContractDto> {
    return this.contracts.submit(p, id, dto.comment);
  }

  /** pending_approval → approved / active / expired (by the term and today). */
  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission('sales.contract.approve')
  @ApiOkResponse({ type: SalesContractDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'SELF_APPROVAL: you own or submitted the contract.' })
  @ApiConflictResponse(transition)
  approveSalesContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ContractDecisionDto): Promise<SalesContractDto> {
    return this.contracts.approve(p, id, dto.comment);
  }

  /** pending_approval → rejected, with the reason. */
  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission('sales.contract.approve')
  @ApiOkResponse({ type: SalesContractDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: reason missing.' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'SELF_APPROVAL: you own or submitted the contract.' })
  @ApiConflictResponse(transition)
  rejectSalesContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectContractDto): Promise<SalesContractDto> {
    return this.contracts.reject(p, id, dto.reason);
  }

  /** approved / active → terminated, with the reason. */
  @Post(':id/terminate')
  @HttpCode(200)
  @RequirePermission('sales.contract.approve')
  @ApiOkResponse({ type: SalesContractDto })
  @ApiConflictResponse(transition)
  terminateSalesContract(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TerminateContractDto): Promise<SalesContractDto> {
    return this.contracts.terminate(p, id, dto.reason);
  }

  /** The approval history, oldest first: who, when, decision, comment. */
  @Get(':id/approvals')
  @RequirePermission('sales.contract.read')
  @ApiOkResponse({ type: [ContractApprovalDto] })
  async listSalesContractApprovals(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ContractApprovalDto[]> {
    await this.repo.get(p, id);
    return this.repo.approvals(id);
  }
}
