import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CsvHeaderStyle, type ExportCustomersQuery, type ExportLeadsQuery, type ExportOpportunitiesQuery } from '@kehu/contracts';
import { APP_CONFIG, AuditService, KeysetReader, newestFirst, streamCsv, TransactionService, type AppConfig, type CsvLanguage, type Principal, type RawHttp } from '@kehu/server-core';
import { CustomersRepository, CustomFieldsService, type CustomFieldDefinition } from '@kehu/server-customers';
import { LeadsRepository, OpportunitiesRepository } from '@kehu/server-sales';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { customerColumns } from '../columns/customer-columns';
import { customFieldColumnKey, type EntityColumn } from '../columns/import-column';
import { leadColumns } from '../columns/lead-columns';
import { opportunityColumns } from '../columns/opportunity-columns';
import { csvRowFormatter } from './csv-row';

/** Rows per keyset round trip: large enough to keep PostgreSQL busy, small enough to stay well inside the memory budget. */
const BATCH = 5000;

/** The download's file name (before the date) per entity. */
const FILE_NAMES = { customer: 'customers', lead: 'leads', opportunity: 'opportunities' } as const;

interface ExportPlan<T extends ObjectLiteral> {
  entity: keyof typeof FILE_NAMES;
  qb: SelectQueryBuilder<T>;
  alias: string;
  columns: EntityColumn[];
  defs: CustomFieldDefinition[];
  filter: Record<string, unknown>;
}

/**
 * Streams the list's rows as CSV: the list repository's scope and filters, read in keyset
 * batches (created_at DESC, id DESC — the list's default order and index) and written with
 * back-pressure, so memory stays flat however many rows match. UTF-8 with BOM for Excel.
 */
@Injectable()
export class CsvExportService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly leads: LeadsRepository,
    private readonly opportunities: OpportunitiesRepository,
    private readonly customFields: CustomFieldsService,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async exportCustomers(p: Principal, q: ExportCustomersQuery, lang: CsvLanguage, http: RawHttp): Promise<void> {
    const { qb } = await this.customers.filtered(p, q, this.config.defaultPhoneRegion, 'sales.customer.export');
    const defs = await this.customFields.definitions('customer');
    await this.run({ entity: 'customer', qb, alias: 'c', columns: customerColumns, defs, filter: filterOf(q) }, q.headers, lang, http);
  }

  async exportLeads(p: Principal, q: ExportLeadsQuery, lang: CsvLanguage, http: RawHttp): Promise<void> {
    const qb = this.leads.filtered(p, q, this.config.defaultPhoneRegion, 'sales.lead.export');
    const defs = await this.customFields.definitions('lead');
    await this.run({ entity: 'lead', qb, alias: 'l', columns: leadColumns, defs, filter: filterOf(q) }, q.headers, lang, http);
  }

  async exportOpportunities(p: Principal, q: ExportOpportunitiesQuery, lang: CsvLanguage, http: RawHttp): Promise<void> {
    const qb = this.opportunities.filtered(p, q, 'sales.opportunity.export');
    const defs = await this.customFields.definitions('opportunity');
    await this.run({ entity: 'opportunity', qb, alias: 'o', columns: opportunityColumns, defs, filter: filterOf(q) }, q.headers, lang, http);
  }

  private async run<T extends ObjectLiteral>(plan: ExportPlan<T>, style: CsvHeaderStyle | undefined, lang: CsvLanguage, http: RawHttp): Promise<void> {
    const columns = plan.columns.filter((c) => c.sql);
    const defs = plan.defs.filter((d) => d.active);
    const header = [
      ...columns.map((c) => (style === CsvHeaderStyle.KEYS ? c.key : lang === 'zh-CN' ? c.zh : c.en)),
      ...defs.map((d) => (style === CsvHeaderStyle.KEYS ? customFieldColumnKey(d) : d.label)),
    ];
    const a = plan.alias;
    // The whole jsonb only when it has columns to fill.
    const cells = [...columns.map((c) => exportExpression(c, a)), ...(defs.length ? [`${a}.custom_fields`] : [])];
    await streamCsv(http, {
      fileName: `${FILE_NAMES[plan.entity]}-${new Date().toISOString().slice(0, 10)}.csv`,
      header,
      reader: new KeysetReader(this.ds, plan.qb, cells, BATCH, newestFirst(a)),
      toLine: csvRowFormatter(columns.length, defs),
      // Audited before the download completes, so the row exists once the client has the file.
      beforeEnd: (count) => this.tx.run((m) => this.audit.record(m, { action: 'export', entityType: plan.entity, entityId: null, changes: { filter: { before: null, after: plan.filter }, count: { before: null, after: count } } })),
    });
  }
}

/** A column as the export reads it: list columns (tags) joined by PostgreSQL, as csvField would join them. */
function exportExpression(c: EntityColumn, alias: string): string {
  const sql = c.sql!.replace(/\bt\./g, `${alias}.`);
  return c.kind === 'list' ? `array_to_string(${sql}, ', ', '')` : sql;
}

/** The filters the caller used, for the audit row (paging fields dropped). */
function filterOf(q: object): Record<string, unknown> {
  const { cursor: _c, limit: _l, count: _n, sort: _s, ...rest } = q as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}
