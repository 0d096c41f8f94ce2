import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiProduces, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { ImportColumnsDto, ImportEntity, ImportJobDto, ProblemDto, StartImportQuery } from '@kehu/contracts';
import { CurrentPrincipal, RequireModule, RequirePermission, type Principal, rawHttp, rawRequest } from '@kehu/server-core';
import { toImportJobDto } from './import-job.mapper';
import { ImportsService } from './imports.service';

const csvBody = { description: 'The CSV file itself (UTF-8, BOM optional), header row first.', schema: { type: 'string', format: 'binary' } };
const tooLarge = { type: ProblemDto, description: 'PAYLOAD_TOO_LARGE: the file is over 256 MB.' };
const wrongType = { type: ProblemDto, description: 'UNSUPPORTED_MEDIA_TYPE: send the file as text/csv.' };
const started = { type: ImportJobDto, description: 'The import is queued; follow it at GET /api/v1/imports/{id}. A file that is not CSV, has no header row or lacks the required column answers 400.' };

@ApiTags('integrations')
@RequireModule('sales')
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Columns a customer CSV may have (keys, English and Chinese headers, custom fields). */
  @Get('customers/import-columns')
  @RequirePermission('sales.customer.import')
  @ApiOkResponse({ type: ImportColumnsDto })
  listCustomerImportColumns(): Promise<ImportColumnsDto> {
    return this.imports.columns(ImportEntity.CUSTOMER);
  }

  /** Columns a lead CSV may have. */
  @Get('leads/import-columns')
  @RequirePermission('sales.lead.import')
  @ApiOkResponse({ type: ImportColumnsDto })
  listLeadImportColumns(): Promise<ImportColumnsDto> {
    return this.imports.columns(ImportEntity.LEAD);
  }

  /** Starts a customer import from a CSV body; rows are validated like POST /customers. */
  @Post('customers/imports')
  @HttpCode(202)
  @RequirePermission('sales.customer.import')
  @ApiConsumes('text/csv')
  @ApiBody(csvBody)
  @ApiAcceptedResponse(started)
  @ApiPayloadTooLargeResponse(tooLarge)
  @ApiUnsupportedMediaTypeResponse(wrongType)
  importCustomers(@CurrentPrincipal() p: Principal, @Query() query: StartImportQuery, @Req() req: unknown): Promise<ImportJobDto> {
    return this.imports.start(p, ImportEntity.CUSTOMER, query, rawRequest(req));
  }

  /** Starts a lead import from a CSV body; rows are validated like POST /leads and owned by ownerId (default you). */
  @Post('leads/imports')
  @HttpCode(202)
  @RequirePermission('sales.lead.import')
  @ApiConsumes('text/csv')
  @ApiBody(csvBody)
  @ApiAcceptedResponse(started)
  @ApiPayloadTooLargeResponse(tooLarge)
  @ApiUnsupportedMediaTypeResponse(wrongType)
  importLeads(@CurrentPrincipal() p: Principal, @Query() query: StartImportQuery, @Req() req: unknown): Promise<ImportJobDto> {
    return this.imports.start(p, ImportEntity.LEAD, query, rawRequest(req));
  }

  /** Progress and counts of an import you started. */
  @Get('imports/:id')
  @ApiOkResponse({ type: ImportJobDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such import of yours.' })
  async getImport(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ImportJobDto> {
    return toImportJobDto(await this.imports.get(p, id));
  }

  /** The rows that failed: row number, reasons, and the row's own cells, as CSV (UTF-8 with BOM). */
  @Get('imports/:id/errors.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV: row, errors, then the original columns.', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such import of yours.' })
  async getImportErrors(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Req() req: unknown, @Res() res: unknown): Promise<void> {
    await this.imports.writeErrors(p, id, rawHttp(req, res));
  }
}
