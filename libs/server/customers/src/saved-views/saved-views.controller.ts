import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateSavedViewDto, ListSavedViewsQuery, ProblemDto, SavedViewDto, UpdateSavedViewDto } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, type Principal } from '@kehu/server-core';
import { SavedViewsService } from './saved-views.service';

/** Every signed-in user keeps their own list views; sharing is with a team they belong to. */
@ApiTags('saved-views')
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  /** Your views of a list plus those your teams share with you. */
  @Get()
  @ApiOkResponse({ type: [SavedViewDto] })
  listSavedViews(@CurrentPrincipal() p: Principal, @Query() query: ListSavedViewsQuery): Promise<SavedViewDto[]> {
    return this.views.list(p, query.entityType);
  }

  @Post()
  @ApiCreatedResponse({ type: SavedViewDto })
  createSavedView(@CurrentPrincipal() p: Principal, @Body() dto: CreateSavedViewDto): Promise<SavedViewDto> {
    return this.views.create(p, dto);
  }

  /** Your own views only. Needs If-Match. */
  @Patch(':id')
  @ApiOkResponse({ type: SavedViewDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  updateSavedView(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateSavedViewDto): Promise<SavedViewDto> {
    return this.views.update(p, id, version, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  async deleteSavedView(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.views.remove(p, id);
  }
}
