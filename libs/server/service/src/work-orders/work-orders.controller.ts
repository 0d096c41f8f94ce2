import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CancelWorkOrderDto, CompleteWorkOrderDto, CreateWorkOrderDto, ListWorkOrdersQuery, PageDtoOf, ProblemDto, UpdateWorkOrderDto, WorkOrderDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type HttpReply, type Principal } from '@kehu/server-core';
import { WorkOrdersRepository } from './work-orders.repository';
import { WorkOrdersService } from './work-orders.service';

const busy = { type: ProblemDto, description: 'TECHNICIAN_BUSY: the technician has another visit in that window (extensions: workOrderId, number, scheduledStart, scheduledEnd).' };
const transition = { type: ProblemDto, description: 'WORK_ORDER_STATUS_TRANSITION: the work order is not in a status that allows this (extensions: currentStatus, allowed).' };
const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field: caseId / customerId you cannot see, a technician outside your scope or without service.workorder.execute, scheduledEnd not after scheduledStart or over 72 hours later.' };

/** Work orders (派工单): technicians' visits to customer sites, dispatched from cases. */
@ApiTags('work-orders')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such work order in your data scope (technician / department).' })
@RequireModule('service')
@Controller('work-orders')
export class WorkOrdersController {
  constructor(
    private readonly workOrders: WorkOrdersService,
    private readonly repo: WorkOrdersRepository,
  ) {}

  /** The dispatch board and a technician's day: by scheduled start, within a from–to window of at most 92 days. */
  @Get()
  @RequirePermission('service.workorder.read')
  @ApiOkResponse({ type: PageDtoOf(WorkOrderDto) })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: to not after from, a window over 92 days, a sort not offered.' })
  listWorkOrders(@CurrentPrincipal() p: Principal, @Query() query: ListWorkOrdersQuery): Promise<Page<WorkOrderDto>> {
    return this.repo.list(p, query);
  }

  /** Books a technician for a case (or a customer); the case's history records it and the technician is notified. */
  @Post()
  @RequirePermission('service.workorder.manage')
  @ApiCreatedResponse({ type: WorkOrderDto })
  @ApiBadRequestResponse(badInput)
  @ApiConflictResponse(busy)
  createWorkOrder(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkOrderDto): Promise<WorkOrderDto> {
    return this.workOrders.create(p, dto);
  }

  @Get(':id')
  @RequirePermission('service.workorder.read')
  @ApiOkResponse({ type: WorkOrderDto, description: 'ETag carries the version for If-Match.' })
  async getWorkOrder(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<WorkOrderDto> {
    const out = await this.workOrders.get(p, id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match; reschedule, another technician, address or instructions while scheduled. */
  @Patch(':id')
  @RequirePermission('service.workorder.manage')
  @ApiOkResponse({ type: WorkOrderDto })
  @ApiBadRequestResponse(badInput)
  @ApiConflictResponse({ type: ProblemDto, description: 'TECHNICIAN_BUSY (the new window or technician is taken) or WORK_ORDER_STATUS_TRANSITION (no longer scheduled).' })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateWorkOrder(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateWorkOrderDto, @Res({ passthrough: true }) res: HttpReply): Promise<WorkOrderDto> {
    const out = await this.workOrders.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** The technician checks in on site. */
  @Post(':id/start')
  @HttpCode(200)
  @RequirePermission('service.workorder.execute')
  @ApiOkResponse({ type: WorkOrderDto })
  @ApiConflictResponse(transition)
  startWorkOrder(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WorkOrderDto> {
    return this.workOrders.start(p, id);
  }

  /** Done, with the result and who signed it off; billable when beyond the contract's included visits. */
  @Post(':id/complete')
  @HttpCode(200)
  @RequirePermission('service.workorder.execute')
  @ApiOkResponse({ type: WorkOrderDto })
  @ApiConflictResponse(transition)
  completeWorkOrder(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteWorkOrderDto): Promise<WorkOrderDto> {
    return this.workOrders.complete(p, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('service.workorder.manage')
  @ApiOkResponse({ type: WorkOrderDto })
  @ApiConflictResponse(transition)
  cancelWorkOrder(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CancelWorkOrderDto): Promise<WorkOrderDto> {
    return this.workOrders.cancel(p, id, dto.reason);
  }
}
