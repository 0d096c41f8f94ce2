import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ActivityDto, CreateLeadActivityDto, PageDtoOf, PageQueryDto, ProblemDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, RequireModule, RequirePermission, type Principal } from '@kehu/server-core';
import { LeadActivitiesService } from './lead-activities.service';

/** A lead's follow-ups (its timeline) and logging one, before and after conversion. */
@ApiTags('activities')
@ApiNotFoundResponse({ type: ProblemDto, description: 'No such lead in your data scope.' })
@RequireModule('sales')
@Controller('leads')
export class LeadActivitiesController {
  constructor(private readonly leadActivities: LeadActivitiesService) {}

  /** The lead's timeline, newest first; after conversion the same follow-ups on the customer. */
  @Get(':id/activities')
  @RequirePermission('sales.activity.read')
  @ApiOkResponse({ type: PageDtoOf(ActivityDto) })
  listLeadActivities(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<ActivityDto>> {
    return this.leadActivities.list(p, id, query);
  }

  /** Logs a follow-up on an unconverted lead you can see: lastContactedAt moves forward, a new lead becomes contacted (call, visit, meeting, e-mail). */
  @Post(':id/activities')
  @RequirePermission('sales.activity.create')
  @ApiCreatedResponse({ type: ActivityDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED naming the field (a task is planned on a customer, not a lead).' })
  @ApiConflictResponse({ type: ProblemDto, description: 'CONFLICT: the lead is converted; log on its customer (customerId in the problem).' })
  logLeadActivity(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateLeadActivityDto): Promise<ActivityDto> {
    return this.leadActivities.create(p, id, dto);
  }
}
