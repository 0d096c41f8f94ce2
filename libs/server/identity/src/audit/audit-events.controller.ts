import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditEventDto, ListAuditEventsQuery, PageDtoOf, type Page } from '@kehu/contracts';
import { RequirePermission } from '@kehu/server-core';
import { AuditEventsService } from './audit-events.service';

export const AuditEventPageDto = PageDtoOf(AuditEventDto);

@ApiTags('audit')
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditEventsService) {}

  /** The audit log: who did what, on whose behalf, with before/after values. Newest first. */
  @Get()
  @RequirePermission('admin.audit.read')
  @ApiOkResponse({ type: AuditEventPageDto })
  listAuditEvents(@Query() query: ListAuditEventsQuery): Promise<Page<AuditEventDto>> {
    return this.audit.list(query);
  }
}
