import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiPreconditionFailedResponse, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  CreateSegmentDto,
  ListSegmentMembersQuery,
  ListSegmentsQuery,
  PageDtoOf,
  PreviewSegmentDto,
  ProblemDto,
  SegmentCountDto,
  SegmentDto,
  SegmentMemberDto,
  UpdateSegmentDto,
  type Page,
} from '@kehu/contracts';
import { csvLanguage, CurrentPrincipal, IfMatch, rawHttp, RequireModule, RequirePermission, setEtag, type HttpReply, type Principal } from '@kehu/server-core';
import { SEGMENT_EXPORT, SEGMENT_READ } from './segment-audience';
import { SegmentExportService } from './segment-export.service';
import { SegmentsService } from './segments.service';

const SEGMENT_MANAGE = 'marketing.segment.manage';
const badRules = { type: ProblemDto, description: 'VALIDATION_FAILED naming the field, e.g. rules.conditions.0.op (an operator the field does not offer), rules.conditions.1.values (empty list).' };
const notFound = { type: ProblemDto, description: 'NOT_FOUND: no such segment, or it was deleted.' };
const membersCsv = {
  description:
    'UTF-8 CSV with BOM, streamed: a header row in your language (Accept-Language zh… → Chinese, else English), then one row per member: name, customer, province, city, grade, owner, e-mail, phone, RFM segment. Contacts by name, customers newest first.',
  content: { 'text/csv': { schema: { type: 'string' } } },
};
// Spelled out: with @ApiProduces('text/csv') a `type` would be documented as text/csv too.
const membersCsvNotFound = { description: notFound.description, content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } } };

/**
 * Segments (客户细分): saved rules choosing customers or contacts. Definitions are shared
 * company-wide; counts and members are always those the caller may see.
 */
@ApiTags('segments')
@RequireModule('marketing')
@Controller('segments')
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly exports: SegmentExportService,
  ) {}

  /** Segments by last change (newest first), filterable by name and target. */
  @Get()
  @RequirePermission(SEGMENT_READ)
  @ApiOkResponse({ type: PageDtoOf(SegmentDto) })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: unknown sort or filter value; INVALID_CURSOR.' })
  listSegments(@Query() q: ListSegmentsQuery): Promise<Page<SegmentDto>> {
    return this.segments.list(q);
  }

  @Post()
  @RequirePermission(SEGMENT_MANAGE)
  @ApiCreatedResponse({ type: SegmentDto, description: 'ETag carries the version for If-Match.' })
  @ApiBadRequestResponse(badRules)
  async createSegment(@CurrentPrincipal() p: Principal, @Body() dto: CreateSegmentDto, @Res({ passthrough: true }) res: HttpReply): Promise<SegmentDto> {
    const out = await this.segments.create(p, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Counts unsaved rules (the editor's live count) in your scope; nothing is stored. */
  @Post('preview')
  @HttpCode(200)
  @RequirePermission(SEGMENT_READ)
  @ApiOkResponse({ type: SegmentCountDto })
  @ApiBadRequestResponse(badRules)
  async previewSegment(@CurrentPrincipal() p: Principal, @Body() dto: PreviewSegmentDto): Promise<SegmentCountDto> {
    return { count: await this.segments.preview(p, dto) };
  }

  @Get(':id')
  @RequirePermission(SEGMENT_READ)
  @ApiOkResponse({ type: SegmentDto, description: 'ETag carries the version for If-Match.' })
  @ApiNotFoundResponse(notFound)
  async getSegment(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: HttpReply): Promise<SegmentDto> {
    const out = await this.segments.get(id);
    setEtag(res, out.version);
    return out;
  }

  /** Needs If-Match with the ETag of your last read. */
  @Patch(':id')
  @RequirePermission(SEGMENT_MANAGE)
  @ApiOkResponse({ type: SegmentDto })
  @ApiBadRequestResponse(badRules)
  @ApiNotFoundResponse(notFound)
  @ApiPreconditionFailedResponse({ type: ProblemDto, description: 'PRECONDITION_FAILED: changed by someone else since your read.' })
  async updateSegment(@Param('id', ParseUUIDPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateSegmentDto, @Res({ passthrough: true }) res: HttpReply): Promise<SegmentDto> {
    const out = await this.segments.update(id, version, dto);
    setEtag(res, out.version);
    return out;
  }

  /** Soft delete: the segment is gone (404) for everyone; the audit keeps its name. */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(SEGMENT_MANAGE)
  @ApiNoContentResponse()
  @ApiNotFoundResponse(notFound)
  async deleteSegment(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.segments.remove(id);
  }

  /** How many members you may see, counted now. */
  @Get(':id/count')
  @RequirePermission(SEGMENT_READ)
  @ApiOkResponse({ type: SegmentCountDto })
  @ApiNotFoundResponse(notFound)
  async countSegment(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<SegmentCountDto> {
    return { count: await this.segments.count(p, id) };
  }

  /** The members you may see (contacts or customers), by name; keyset pages. */
  @Get(':id/members')
  @RequirePermission(SEGMENT_READ)
  @ApiOkResponse({ type: PageDtoOf(SegmentMemberDto) })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'VALIDATION_FAILED: unknown sort; INVALID_CURSOR.' })
  @ApiNotFoundResponse(notFound)
  listSegmentMembers(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() q: ListSegmentMembersQuery): Promise<Page<SegmentMemberDto>> {
    return this.segments.members(p, id, q);
  }

  /** Every member you may read and export, as a CSV call list (file named after the segment and the date). Audited. */
  @Get(':id/members.csv')
  @RequirePermission(SEGMENT_EXPORT)
  @ApiProduces('text/csv')
  @ApiOkResponse(membersCsv)
  @ApiNotFoundResponse(membersCsvNotFound)
  async exportSegmentMembers(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Headers('accept-language') lang: string | undefined, @Req() req: unknown, @Res() res: unknown): Promise<void> {
    await this.exports.exportMembers(p, id, csvLanguage(lang), rawHttp(req, res));
  }
}
