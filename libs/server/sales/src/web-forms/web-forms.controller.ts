import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import { CreateWebFormDto, ListWebFormsQuery, PageDtoOf, ProblemDto, UpdateWebFormDto, WebFormDto, type Page } from '@kehu/contracts';
import { CurrentPrincipal, IfMatch, RequireModule, RequirePermission, setEtag, type Principal, type HttpReply } from '@kehu/server-core';
import { WebFormsService } from './web-forms.service';

const badInput = { type: ProblemDto, description: 'VALIDATION_FAILED naming the member: fields without personName (required), an unknown or inactive cf.<key>, a required lead custom field missing, ownerId for ownerMode fixed, consentText with consentChannels.' };

/** Web forms (Web 表单) that capture leads from the company's sites: company-wide, managed by admins and marketing. */
@ApiTags('web-forms')
@ApiNotFoundResponse({ type: ProblemDto, description: 'NOT_FOUND: no such web form.' })
@RequireModule('sales')
@Controller('web-forms')
export class WebFormsController {
  constructor(private readonly forms: WebFormsService) {}

  /** Filters: q (name contains), enabled, deleted (the recycle bin); sort createdAt, name; keyset paging. Each form carries its submission count. */
  @Get()
  @RequirePermission('sales.webform.manage')
  @ApiOkResponse({ type: PageDtoOf(WebFormDto) })
  listWebForms(@Query() query: ListWebFormsQuery): Promise<Page<WebFormDto>> {
    return this.forms.list(query);
  }

  /** A new form with a fresh random public key. */
  @Post()
  @RequirePermission('sales.webform.manage')
  @ApiCreatedResponse({ type: WebFormDto })
  @ApiBadRequestResponse(badInput)
  createWebForm(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebFormDto): Promise<WebFormDto> {
    return this.forms.create(p, dto);
  }

  @Get(':id')
  @RequirePermission('sales.webform.manage')
  @ApiOkResponse({ type: WebFormDto, description: 'ETag carries the version for If-Match.' })
  async getWebForm(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<WebFormDto> {
    const out = await this.forms.get(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. */
  @Patch(':id')
  @RequirePermission('sales.webform.manage')
  @ApiOkResponse({ type: WebFormDto })
  @ApiBadRequestResponse(badInput)
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async updateWebForm(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateWebFormDto, @Res({ passthrough: true }) res: HttpReply): Promise<WebFormDto> {
    const out = await this.forms.update(id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match. A new public key; pages embedding the old one get 404 from then on. */
  @Post(':id/regenerate-key')
  @HttpCode(200)
  @RequirePermission('sales.webform.manage')
  @ApiOkResponse({ type: WebFormDto })
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else.' })
  async regenerateWebFormKey(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Res({ passthrough: true }) res: HttpReply): Promise<WebFormDto> {
    const out = await this.forms.regenerateKey(id, version);
    setEtag(res, out.version);
    return out;
  }

  /** To the recycle bin; its public URL answers 404. Leads it captured keep their link. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('sales.webform.manage')
  @ApiNoContentResponse()
  async deleteWebForm(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.forms.remove(id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequirePermission('sales.webform.manage')
  @ApiOkResponse({ type: WebFormDto })
  restoreWebForm(@Param('id', ParseUUIDPipe) id: string): Promise<WebFormDto> {
    return this.forms.restore(id);
  }
}
