import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  BulkResultDto,
  BulkUpdateCustomersDto,
  CreateCustomerDto,
  CreateCustomerQuery,
  CustomerDto,
  DuplicateCandidateDto,
  ListCustomersQuery,
  MergeCustomersDto,
  MergeResultDto,
  PageDtoOf,
  PageQueryDto,
  ProblemDto,
  UpdateCustomerDto,
  AuditEventDto,
  type Page,
} from '@kehu/contracts';
import { APP_CONFIG, CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type AppConfig, type Principal, type HttpReply } from '@kehu/server-core';
import { AuditEventsService } from '@kehu/server-identity';
import { CustomerMergeService } from './customer-merge.service';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';

const CustomerPageDto = PageDtoOf(CustomerDto);

const duplicateResponse = {
  description: 'DUPLICATE_SUSPECTED: likely the same customer exists; the problem carries `candidates`. Repeat with allowDuplicate=true to keep both.',
  content: {
    'application/problem+json': {
      schema: { allOf: [{ $ref: getSchemaPath(ProblemDto) }, { type: 'object', properties: { candidates: { type: 'array', items: { $ref: getSchemaPath(DuplicateCandidateDto) } } } }] },
    },
  },
};

@ApiTags('customers')
@ApiExtraModels(DuplicateCandidateDto)
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such customer in your data scope.' })
@RequireModule('sales')
@Controller('customers')
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly repo: CustomersRepository,
    private readonly merger: CustomerMergeService,
    private readonly audit: AuditEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Customers in your data scope, with filters, sort and keyset paging. */
  @Get()
  @RequirePermission('sales.customer.read')
  @ApiOkResponse({ type: CustomerPageDto })
  listCustomers(@CurrentPrincipal() p: Principal, @Query() query: ListCustomersQuery): Promise<Page<CustomerDto>> {
    return this.repo.list(p, query, this.config.defaultPhoneRegion);
  }

  /** Normalises the input, checks for duplicates, owns the customer to you (or ownerId with sales.customer.assign). */
  @Post()
  @RequirePermission('sales.customer.create')
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiConflictResponse(duplicateResponse)
  createCustomer(@CurrentPrincipal() p: Principal, @Query() query: CreateCustomerQuery, @Body() dto: CreateCustomerDto): Promise<CustomerDto> {
    return this.customers.create(p, dto, query.allowDuplicate);
  }

  /** Owner, stage or tags for up to 500 customers at once. */
  @Post('bulk-update')
  @HttpCode(200)
  @RequirePermission('sales.customer.update')
  @ApiOkResponse({ type: BulkResultDto })
  async bulkUpdateCustomers(@CurrentPrincipal() p: Principal, @Body() dto: BulkUpdateCustomersDto): Promise<BulkResultDto> {
    return { updated: await this.customers.bulkUpdate(p, dto) };
  }

  @Get(':id')
  @RequirePermission('sales.customer.read')
  @ApiOkResponse({ type: CustomerDto, description: 'ETag carries the version for If-Match.' })
  async getCustomer(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<CustomerDto> {
    const c = await this.repo.getDto(p, id);
    setEtag(res, c.version);
    return c;
  }

  /** Needs If-Match. Changing name, phone or e-mail re-runs the duplicate check. */
  @Patch(':id')
  @RequirePermission('sales.customer.update')
  @ApiOkResponse({ type: CustomerDto })
  @ApiConflictResponse(duplicateResponse)
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateCustomer(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Query() query: CreateCustomerQuery,
    @Body() dto: UpdateCustomerDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<CustomerDto> {
    const out = await this.customers.update(p, id, version, dto, query.allowDuplicate);
    setEtag(res, out.version);
    return out;
  }

  /** Moves the customer to the recycle bin. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.customer.delete')
  @ApiNoContentResponse()
  async deleteCustomer(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.customers.remove(p, id);
  }

  /** Brings a deleted customer back from the recycle bin. */
  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('sales.customer.delete')
  @ApiOkResponse({ type: CustomerDto })
  restoreCustomer(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CustomerDto> {
    return this.customers.restore(p, id);
  }

  /**
   * Merges duplicates into this customer (If-Match on this one): chosen field values,
   * related records moved, losers to the recycle bin pointing here.
   */
  @Post(':id/merge')
  @HttpCode(200)
  @RequirePermission('sales.customer.merge')
  @ApiOkResponse({ type: MergeResultDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  mergeCustomers(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: MergeCustomersDto): Promise<MergeResultDto> {
    return this.merger.merge(p, id, version, dto);
  }

  /** The History tab: every audited change, newest first. */
  @Get(':id/history')
  @RequirePermission('sales.customer.read')
  @ApiOkResponse({ type: PageDtoOf(AuditEventDto) })
  async getCustomerHistory(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<AuditEventDto>> {
    await this.repo.get(p, id);
    return this.audit.history('customer', id, query);
  }
}
