import { Controller, Get, Headers, Req, Res } from '@nestjs/common';
import { Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ExportCustomersQuery, ExportLeadsQuery, ExportOpportunitiesQuery } from '@kehu/contracts';
import { csvLanguage, CurrentPrincipal, RequireModule, RequirePermission, type Principal, rawHttp } from '@kehu/server-core';
import { CsvExportService } from './csv-export.service';

const csvResponse = {
  description: 'UTF-8 CSV with BOM, streamed: a header row (labels in your language, or keys with headers=keys), one column per custom field, tags joined with ", ".',
  content: { 'text/csv': { schema: { type: 'string' } } },
};

@ApiTags('integrations')
@RequireModule('sales')
@Controller()
export class ExportsController {
  constructor(private readonly exports: CsvExportService) {}

  /** Every customer the list would show with these filters, in your data scope, as CSV. Audited. */
  @Get('customers/export.csv')
  @RequirePermission('sales.customer.export')
  @ApiProduces('text/csv')
  @ApiOkResponse(csvResponse)
  async exportCustomers(@CurrentPrincipal() p: Principal, @Query() query: ExportCustomersQuery, @Headers('accept-language') lang: string | undefined, @Req() req: unknown, @Res() res: unknown): Promise<void> {
    await this.exports.exportCustomers(p, query, csvLanguage(lang), rawHttp(req, res));
  }

  /** Every lead the list would show with these filters, in your data scope, as CSV. Audited. */
  @Get('leads/export.csv')
  @RequirePermission('sales.lead.export')
  @ApiProduces('text/csv')
  @ApiOkResponse(csvResponse)
  async exportLeads(@CurrentPrincipal() p: Principal, @Query() query: ExportLeadsQuery, @Headers('accept-language') lang: string | undefined, @Req() req: unknown, @Res() res: unknown): Promise<void> {
    await this.exports.exportLeads(p, query, csvLanguage(lang), rawHttp(req, res));
  }

  /** Every opportunity the list would show with these filters, in your data scope, as CSV (customer, stage and owner by name). Audited. */
  @Get('opportunities/export.csv')
  @RequirePermission('sales.opportunity.export')
  @ApiProduces('text/csv')
  @ApiOkResponse(csvResponse)
  async exportOpportunities(@CurrentPrincipal() p: Principal, @Query() query: ExportOpportunitiesQuery, @Headers('accept-language') lang: string | undefined, @Req() req: unknown, @Res() res: unknown): Promise<void> {
    await this.exports.exportOpportunities(p, query, csvLanguage(lang), rawHttp(req, res));
  }
}
