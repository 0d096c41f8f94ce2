import { Inject, Injectable } from '@nestjs/common';
import { CsvHeaderStyle, type ExportCustomersQuery, type ExportLeadsQuery, type ExportOpportunitiesQuery } from '@kehu/contracts';
import { APP_CONFIG, AuditService, TransactionService, type AppConfig, type Principal } from '@kehu/server-core';
import { CustomersRepository, CustomFieldsService, type CustomFieldDefinition } from '@kehu/server-customers';
import { LeadsRepository, OpportunitiesRepository } from '@kehu/server-sales';
import type { Response } from 'express';
import { once } from 'node:events';
import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { csvLine, UTF8_BOM } from '../csv/csv-writer';
import { customerColumns } from '../columns/customer-columns';
import { customFieldColumnKey, type CsvLanguage, type EntityColumn } from '../columns/import-column';
import { leadColumns } from '../columns/lead-columns';
import { opportunityColumns } from '../columns/opportunity-columns';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async exportCustomers(p: Principal, q: ExportCustomersQuery, lang: CsvLanguage, res: Response): Promise<void> {
    const { qb } = await this.customers.filtered(p, q, this.config.defaultPhoneRegion, 'sales.customer.export');
    const defs = await this.customFields.definitions('customer');
    await this.run({ entity: 'customer', qb, alias: 'c', columns: customerColumns, defs, filter: filterOf(q) }, q.headers, lang, res);
  }

  async exportLeads(p: Principal, q: ExportLeadsQuery, lang: CsvLanguage, res: Response): Promise<void> {
    const qb = this.leads.filtered(p, q, this.config.defaultPhoneRegion, 'sales.lead.export');
    const defs = await this.customFields.definitions('lead');
    await this.run({ entity: 'lead', qb, alias: 'l', columns: leadColumns, defs, filter: filterOf(q) }, q.headers, lang, res);
  }

  async exportOpportunities(p: Principal, q: ExportOpportunitiesQuery, lang: CsvLanguage, res: Response): Promise<void> {
    const qb = this.opportunities.filtered(p, q, 'sales.opportunity.export');
    const defs = await this.customFields.definitions('opportunity');
    await this.run({ entity: 'opportunity', qb, alias: 'o', columns: opportunityColumns, defs, filter: filterOf(q) }, q.headers, lang, res);
  }

  private async run<T extends ObjectLiteral>(plan: ExportPlan<T>, style: CsvHeaderStyle | undefined, lang: CsvLanguage, res: Response): Promise<void> {
    const columns = plan.columns.filter((c) => c.sql);
    const defs = plan.defs.filter((d) => d.active);
    const header = [
      ...columns.map((c) => (style === CsvHeaderStyle.KEYS ? c.key : lang === 'zh-CN' ? c.zh : c.en)),
      ...defs.map((d) => (style === CsvHeaderStyle.KEYS ? customFieldColumnKey(d) : d.label)),
    ];
    const a = plan.alias;
    const select = plan.qb
      .clone()
      .select(`${a}.custom_fields`, 'cf')
      .addSelect(`${a}.created_at::text`, 'ks_at')
      .addSelect(`${a}.id`, 'ks_id');
    columns.forEach((c, i) => select.addSelect(c.sql!.replace(/\bt\./g, `${a}.`), `v${i}`));
    select.orderBy(`${a}.created_at`, 'DESC').addOrderBy(`${a}.id`, 'DESC').limit(BATCH);
    // Validate the query before the 200 goes out, so a bad filter is still a problem+json.
    let rows = await select.getRawMany();
    const stamp = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${FILE_NAMES[plan.entity]}-${stamp}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    let count = 0;
    const audit = () => this.tx.run((m) => this.audit.record(m, { action: 'export', entityType: plan.entity, entityId: null, changes: { filter: { before: null, after: plan.filter }, count: { before: null, after: count } } }));
    try {
      await write(res, UTF8_BOM + csvLine(header));
      while (rows.length) {
        let chunk = '';
        for (const r of rows) {
          const values = columns.map((_, i) => r[`v${i}`]);
          const cf = (r.cf ?? {}) as Record<string, unknown>;
          for (const d of defs) values.push(cf[d.key]);
          chunk += csvLine(values);
        }
        count += rows.length;
        await write(res, chunk);
        if (rows.length < BATCH || res.destroyed) break;
        const last = rows[rows.length - 1];
        rows = await select
          .clone()
          .andWhere(`(${a}.created_at, ${a}.id) < (:ksAt::timestamptz, :ksId::uuid)`, { ksAt: last.ks_at, ksId: last.ks_id })
          .getRawMany();
      }
      // Audited before the download completes, so the row exists once the client has the file.
      await audit();
      res.end();
    } catch (err) {
      // Headers are gone: all we can do is cut the download short, so the client sees it failed.
      await audit().catch(() => undefined);
      res.destroy(err as Error);
    }
  }
}

async function write(res: Response, text: string): Promise<void> {
  if (!res.write(text)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
}

/** The filters the caller used, for the audit row (paging fields dropped). */
function filterOf(q: object): Record<string, unknown> {
  const { cursor: _c, limit: _l, count: _n, sort: _s, ...rest } = q as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}
