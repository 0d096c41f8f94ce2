import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { ChangeOrderStatusDto, CreateOrderDto, ListOrdersQuery, OrderDto, PageDtoOf, ProblemDto, UpdateOrderDto, UpsertOrderDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { OrdersRepository } from './orders.repository';
import { OrdersService } from './orders.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field: customerId outside your scope, lines[i].productId unknown or inactive, lines[i].unitPrice missing, currency.' };
const transition = { type: ProblemDto, description: 'ORDER_STATUS_TRANSITION: the move is not allowed from the current status (the problem lists `allowed`).' };

/** Orders (订单): lines and totals computed by the server, a status timeline, the ERP upsert. */
@ApiTags('orders')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such order in your data scope.' })
@RequireModule('sales')
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly repo: OrdersRepository,
  ) {}

  /** Orders in your scope, newest placed first; filters customer, owner, opportunity, status, placed date range, number. */
  @Get()
  @RequirePermission('sales.order.read')
  @ApiOkResponse({ type: PageDtoOf(OrderDto) })
  listOrders(@CurrentPrincipal() p: Principal, @Query() query: ListOrdersQuery): Promise<Page<OrderDto>> {
    return this.repo.list(p, query);
  }

  /** Placed now (or placedAt); owner defaults to the customer's owner; unit prices default from the customer's price list. */
  @Post()
  @RequirePermission('sales.order.create')
  @ApiCreatedResponse({ type: OrderDto })
  @ApiBadRequestResponse(badInput)
  createOrder(@CurrentPrincipal() p: Principal, @Body() dto: CreateOrderDto): Promise<OrderDto> {
    return this.orders.create(p, dto);
  }

  /**
   * The ERP's idempotent upsert by (source, externalId): 201 when created, 200 when updated
   * or unchanged. Lines and totals are recomputed; the status is set as sent.
   */
  @Put('by-external/:source/:externalId')
  @RequirePermission('sales.order.update')
  @ApiOkResponse({ type: OrderDto, description: 'Updated (or unchanged).' })
  @ApiCreatedResponse({ type: OrderDto, description: 'Created.' })
  @ApiBadRequestResponse(badInput)
  async upsertOrderByExternalId(
    @CurrentPrincipal() p: Principal,
    @Param('source') source: string,
    @Param('externalId') externalId: string,
    @Body() dto: UpsertOrderDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<OrderDto> {
    const { order, created } = await this.orders.upsertExternal(p, source.slice(0, 40), externalId.slice(0, 100), dto);
    res.status(created ? 201 : 200);
    setEtag(res, order.version);
    return order;
  }

  /** With lines and the status timeline. */
  @Get(':id')
  @RequirePermission('sales.order.read')
  @ApiOkResponse({ type: OrderDto, description: 'ETag carries the version for If-Match.' })
  async getOrder(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<OrderDto> {
    await this.repo.get(p, id);
    const out = await this.repo.dto(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. lines replaces all lines (only while placed or confirmed). */
  @Patch(':id')
  @RequirePermission('sales.order.update')
  @ApiOkResponse({ type: OrderDto })
  @ApiBadRequestResponse(badInput)
  @ApiConflictResponse(transition)
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateOrder(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateOrderDto, @Res({ passthrough: true }) res: HttpReply): Promise<OrderDto> {
    const out = await this.orders.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** placed → confirmed → paid → shipped → delivered; cancelled before payment; returned after. Stamps the status time (at, default now). */
  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission('sales.order.update')
  @ApiOkResponse({ type: OrderDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: status unknown, at before placedAt.' })
  @ApiConflictResponse(transition)
  async changeOrderStatus(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChangeOrderStatusDto, @Res({ passthrough: true }) res: HttpReply): Promise<OrderDto> {
    const out = await this.orders.changeStatus(p, id, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Only placed or cancelled orders. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.order.delete')
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ProblemDto, description: 'ORDER_STATUS_TRANSITION: the order is past placed and not cancelled.' })
  async deleteOrder(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.orders.remove(p, id);
  }
}

/** An order from a won opportunity. */
@ApiTags('orders')
@RequireModule('sales')
@Controller('opportunities')
export class OpportunityOrderController {
  constructor(private readonly orders: OrdersService) {}

  /** Copies the line items (or one line with the opportunity's name and amount). */
  @Post(':id/order')
  @RequirePermission('sales.order.create')
  @ApiCreatedResponse({ type: OrderDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such opportunity in your scope.' })
  @ApiConflictResponse({ type: ProblemDto, description: 'OPPORTUNITY_NOT_WON: the opportunity is open or lost. ALREADY_EXISTS: it already has an order (orderId in the problem).' })
  createOrderFromOpportunity(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OrderDto> {
    return this.orders.fromOpportunity(p, id);
  }
}
