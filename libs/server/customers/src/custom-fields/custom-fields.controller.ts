import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateCustomFieldDto, CustomFieldDto, ListCustomFieldsQuery, ProblemDto, UpdateCustomFieldDto } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequirePermission, type Principal } from '@kehu/server-core';
import { CustomFieldsService } from './custom-fields.service';

/** Admin-defined fields. Every signed-in user reads them (forms and lists render them). */
@ApiTags('custom-fields')
@Controller('custom-fields')
export class CustomFieldsController {
  constructor(private readonly fields: CustomFieldsService) {}

  @Get()
  @ApiOkResponse({ type: [CustomFieldDto] })
  listCustomFields(@Query() query: ListCustomFieldsQuery): Promise<CustomFieldDto[]> {
    return this.fields.list(query.entityType);
  }

  @Post()
  @RequirePermission('admin.custom-field.manage')
  @ApiCreatedResponse({ type: CustomFieldDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'ALREADY_EXISTS' })
  createCustomField(@CurrentPrincipal() p: Principal, @Body() dto: CreateCustomFieldDto): Promise<CustomFieldDto> {
    return this.fields.create(p, dto);
  }

  /** Label, options, required, order or active; key and type are fixed. Needs If-Match. */
  @Patch(':id')
  @RequirePermission('admin.custom-field.manage')
  @ApiOkResponse({ type: CustomFieldDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto })
  updateCustomField(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateCustomFieldDto): Promise<CustomFieldDto> {
    return this.fields.update(p, id, version, dto);
  }
}
