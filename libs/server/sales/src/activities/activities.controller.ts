import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { ActivityDto, CreateActivityDto, ListActivitiesQuery, ListMyTasksQuery, PageDtoOf, ProblemDto, QuickCreateActivityDto, UpdateActivityDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { toActivityDto } from './activity.mapper';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';
import { checkTimeZone } from './time-zone';

const ActivityPageDto = PageDtoOf(ActivityDto);
const badCustomer = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field; customerId outside your sales.customer.read scope reads as absent.' };

/** Follow-ups (跟进记录): the customer timeline, quick entry and the rep's tasks. */
@ApiTags('activities')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such activity in your data scope.' })
@RequireModule('sales')
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly repo: ActivitiesRepository,
  ) {}

  /** Activities in your data scope; with customerId, that customer's timeline (newest first). */
  @Get()
  @RequirePermission('sales.activity.read')
  @ApiOkResponse({ type: ActivityPageDto })
  listActivities(@CurrentPrincipal() p: Principal, @Query() query: ListActivitiesQuery): Promise<Page<ActivityDto>> {
    return this.repo.list(p, query);
  }

  /** Your own open tasks, soonest due first: today / overdue / upcoming in your time zone. */
  @Get('my-tasks')
  @RequirePermission('sales.activity.read')
  @ApiOkResponse({ type: ActivityPageDto })
  listMyTasks(@CurrentPrincipal() p: Principal, @Query() query: ListMyTasksQuery): Promise<Page<ActivityDto>> {
    return this.repo.myTasks(p, query, checkTimeZone(query.tz));
  }

  /** Records a follow-up owned by you (or the rep you enter for); updates the customer's last follow-up. */
  @Post()
  @RequirePermission('sales.activity.create')
  @ApiCreatedResponse({ type: ActivityDto })
  @ApiBadRequestResponse(badCustomer)
  createActivity(@CurrentPrincipal() p: Principal, @Body() dto: CreateActivityDto): Promise<ActivityDto> {
    return this.activities.create(p, dto);
  }

  /** Keyboard-first entry: customer, type and one text (first line = subject); returns the created activity. */
  @Post('quick')
  @RequirePermission('sales.activity.create')
  @ApiCreatedResponse({ type: ActivityDto })
  @ApiBadRequestResponse(badCustomer)
  quickCreateActivity(@CurrentPrincipal() p: Principal, @Body() dto: QuickCreateActivityDto): Promise<ActivityDto> {
    return this.activities.quickCreate(p, dto);
  }

  @Get(':id')
  @RequirePermission('sales.activity.read')
  @ApiOkResponse({ type: ActivityDto, description: 'ETag carries the version for If-Match.' })
  async getActivity(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<ActivityDto> {
    const a = await this.activities.get(p, id);
    setEtag(res, a.version);
    return toActivityDto(a);
  }

  /** Needs If-Match. The customer (or lead) cannot change; a task stays a task. */
  @Patch(':id')
  @RequirePermission('sales.activity.update')
  @ApiOkResponse({ type: ActivityDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  async updateActivity(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatch() version: number,
    @Body() dto: UpdateActivityDto,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<ActivityDto> {
    const out = await this.activities.update(p, id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Soft delete; the customer's last follow-up falls back to the newest remaining one. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.activity.delete')
  @ApiNoContentResponse()
  async deleteActivity(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.activities.remove(p, id);
  }

  /** Marks a task done; completing it again answers 200 with the first doneAt. */
  @Post(':id/complete')
  @HttpCode(200)
  @RequirePermission('sales.activity.update')
  @ApiOkResponse({ type: ActivityDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'CONFLICT: only tasks can be completed.' })
  async completeActivity(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<ActivityDto> {
    const out = await this.activities.complete(p, id);
    setEtag(res, out.version);
    return out;
  }
}
